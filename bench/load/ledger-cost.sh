#!/usr/bin/env bash
# The ledger's cost in the load benchmark. Builds two Release servers: one from a baseline without the ledger (a git
# ref, default main, checked out in a temporary worktree) and one from this working tree. Calls them in turn (A, B, A, B)
# with the load client, one server running at a time, each phase on a fresh server (fresh data folder and ledger) after
# a 5 s warm-up: closed loop of 2 callers for 20 s with the sample request, then with a cheap one (the same account
# disputing its balance: review required, no search), where the ledger's share of each call is largest. Then the
# ledger's growth: bytes of the SQLite file (after a checkpoint, less the empty ledger) per GenerateOffers answer over
# a number of calls at a rate the server keeps up with. All traffic to 127.0.0.1. Prints Markdown tables
# (docs/PERFORMANCE.md, "Ledger cost").
# Usage: bash bench/load/ledger-cost.sh [baseline-ref] [growth-calls] [rounds]   (default: main 500 2)
set -euo pipefail
cd "$(dirname "$0")/../.."

baseline="${1:-main}"
growth_calls="${2:-500}"
rounds="${3:-2}"
request=samples/requests/forgot-to-pay.json
source bench/load/lib.sh
on_exit+=('git worktree remove --force "$work/baseline-src" 2>/dev/null')

git worktree add --detach "$work/baseline-src" "$baseline" >/dev/null 2>&1
dotnet build -c Release "$work/baseline-src/src/NegociacionOptimizer.Server" -o "$work/A" 2>&1 | grep -E " error |rror\(s\)" || true
dotnet build -c Release src/NegociacionOptimizer.Server -o "$work/B" 2>&1 | grep -E " error |rror\(s\)" || true
dotnet build -c Release bench/NegociacionOptimizer.LoadClient -o "$work/client" 2>&1 | grep -E " error |rror\(s\)" || true
/usr/bin/python3 - "$request" "$work/dispute.json" <<'EOF'
import json, sys
request = json.load(open(sys.argv[1]))
request["inquiry"]["reason"] = "REASON_DISPUTE"
json.dump(request, open(sys.argv[2], "w"))
EOF

start() { # server folder, data folder: starts it on a free port, sets $address once it listens
  local port
  port="$(free_port)"
  NEGOCIACION_PORT="$port" NEGOCIACION__HTTP=false NEGOCIACION_DATA="$2" NEGOCIACION_DRAIN_DELAY_MS=0 \
    Logging__LogLevel__Default=Warning dotnet "$1/NegociacionOptimizer.Server.dll" >"$2.log" 2>&1 &
  server_pid=$!
  wait_listening "$port"
  address="http://127.0.0.1:$port"
}
stop() { kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""; }
client() { dotnet "$work/client/NegociacionOptimizer.LoadClient.dll" "$@"; }
ledger_bytes() { # data folder: the SQLite ledger's size after folding its write-ahead log into the file
  /usr/bin/python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA wal_checkpoint(TRUNCATE)")' "$1/ledger.db"
  stat -c %s "$1/ledger.db"
}
sets() { /usr/bin/python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM offer_sets").fetchone()[0])' "$1/ledger.db"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version)"
echo "A: $baseline ($(git rev-parse --short "$baseline"), no ledger); B: this tree ($(git rev-parse --short HEAD), SQLite ledger)"
echo
client header
rows="$work/rows"
n=0
for pair in "sample:$request" "dispute:$work/dispute.json"; do
  name="${pair%%:*}"; file="${pair#*:}"
  for round in $(seq 1 "$rounds"); do
    for server in A B; do
      n=$((n + 1))
      start "$work/$server" "$work/data$n"
      client run "$address" "$file" "warm-up" callers=2 seconds=5 timeout-ms=5000 >/dev/null
      row="$(client run "$address" "$file" "$server $name, round $round: closed loop, 2 callers, 20 s" callers=2 seconds=20 timeout-ms=5000)"
      stop
      echo "$row"
      echo "$server $name $(cut -d'|' -f4 <<<"$row" | xargs)" >>"$rows"
    done
  done
done

echo
echo "| request | A OK/s (mean of $rounds) | B OK/s (mean of $rounds) | B / A |"
echo "| --- | ---: | ---: | ---: |"
for name in sample dispute; do
  awk -v name="$name" '$2 == name { sum[$1] += $3; count[$1]++ }
    END { a = sum["A"] / count["A"]; b = sum["B"] / count["B"]; printf "| %s | %.1f | %.1f | %.3f |\n", name, a, b, b / a }' "$rows"
done

echo
start "$work/B" "$work/empty"
stop
empty="$(ledger_bytes "$work/empty")"
rate=10
start "$work/B" "$work/growth"
client run "$address" "$request" "growth: fixed $rate/s" rate="$rate" seconds="$((growth_calls / rate))" timeout-ms=5000 >/dev/null
stop
bytes="$(ledger_bytes "$work/growth")"
count="$(sets "$work/growth")"
echo "ledger growth (SQLite): $count offer sets of $request, $((bytes - empty)) bytes above the empty ledger ($empty bytes): $(((bytes - empty) / count)) bytes per offer set"
