#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server for the ledger tests: installs Debian's `postgresql` when missing
# (as root, with apt-get), creates a cluster in a temporary folder owned by the `postgres` user (initdb refuses root),
# starts it on a free loopback port, exports NEGOCIACION_TEST_POSTGRES (the tests create one schema per test in it),
# runs the command, and stops and removes the cluster when the command ends, however it ends.
# Usage: bash tests/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  else
    echo "PostgreSQL is missing: install it (Debian: apt-get install postgresql) for the ledger's PostgreSQL tests" >&2
    exit 1
  fi
fi

as_postgres=()
if [[ "$(id -u)" -eq 0 ]]; then
  as_postgres=(runuser -u postgres --)
fi

cluster="$(mktemp -d /tmp/negociacion-pg.XXXXXX)"
if [[ "$(id -u)" -eq 0 ]]; then
  chown postgres:postgres "$cluster"
fi
port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

stop() {
  "${as_postgres[@]}" "$bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$cluster"
}
trap stop EXIT

"${as_postgres[@]}" "$bin/initdb" -D "$cluster/data" -U postgres --auth=trust -E UTF8 >/dev/null
"${as_postgres[@]}" "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$cluster -c max_connections=200" start >/dev/null

export NEGOCIACION_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
echo "PostgreSQL for the ledger tests: 127.0.0.1:$port" >&2
"$@"
