# Sourced by the load scripts: a work folder and the server's process, both cleaned up at exit (plus any command a
# script adds to on_exit), a free loopback port, and a wait until a port listens.
work="$(mktemp -d)"
server_pid=""
on_exit=()
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  local command
  for command in "${on_exit[@]}"; do eval "$command" || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_listening() { # port: returns once a connection to it succeeds (at most 20 s)
  for _ in $(seq 1 200); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
}
