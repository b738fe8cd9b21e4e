#!/usr/bin/env bash
# Load test on loopback: starts the Release server on a free port, warms up, then runs fixed-rate, saturation and
# past-saturation phases with h2load (HTTP statuses) and the project's load client (gRPC statuses), and two phases of
# the 1,000 seeded random requests (mixed policies, sizes and outcomes). Bounded in calls
# and time; all traffic to 127.0.0.1. Prints Markdown tables (see docs/PERFORMANCE.md, "Server load (loopback)").
# Usage: bash bench/load/run.sh [request.json] [plain|key|tls]   (default: samples/requests/forgot-to-pay.json, plain)
#   plain: h2c, no credentials (the local admin); key: h2c with an agent API key on every call;
#   tls: an agent API key over TLS (a self-signed certificate made for the run). Compare them for the cost of both.
set -euo pipefail
cd "$(dirname "$0")/../.."

request="${1:-samples/requests/forgot-to-pay.json}"
mode="${2:-plain}"
case "$mode" in plain|key|tls) ;; *) echo "mode must be plain, key or tls; got $mode" >&2; exit 2 ;; esac
source bench/load/lib.sh

if ! command -v h2load >/dev/null; then
  if [[ "$(id -u)" -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nghttp2-client >/dev/null
  else
    echo "h2load is missing: install Debian's nghttp2-client (as root: apt-get install nghttp2-client)" >&2
    exit 1
  fi
fi

dotnet build -c Release src/NegociacionOptimizer.Server -o "$work/server" 2>&1 | grep -E " error |rror\(s\)" || true
dotnet build -c Release bench/NegociacionOptimizer.LoadClient -o "$work/client" 2>&1 | grep -E " error |rror\(s\)" || true
dotnet build -c Release bench/NegociacionOptimizer.Benchmarks -o "$work/bench" 2>&1 | grep -E " error |rror\(s\)" || true
# The mixed load: the random-request benchmark's 1,000 seeded requests over the three shipped policies.
dotnet "$work/bench/NegociacionOptimizer.Benchmarks.dll" random-export 1000 12 "$work/mixed"
client() { # the credentials go to "run" only
  if [[ "$1" == run ]]; then dotnet "$work/client/NegociacionOptimizer.LoadClient.dll" "$@" "${client_security[@]}";
  else dotnet "$work/client/NegociacionOptimizer.LoadClient.dll" "$@"; fi
}

port="$(free_port)"
address="http://127.0.0.1:$port"
security=(); client_security=(); h2_security=()
if [[ "$mode" != plain ]]; then
  key="load-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  security+=(Security__ApiKeys__0__Name=load Security__ApiKeys__0__Role=agent
    "Security__ApiKeys__0__Sha256=$(printf %s "$key" | sha256sum | cut -d' ' -f1)")
  client_security+=("api-key=$key"); h2_security+=(-H "x-api-key: $key")
fi
if [[ "$mode" == tls ]]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
  security+=("Security__Certificate__Path=$work/cert.pem" "Security__Certificate__KeyPath=$work/key.pem")
  client_security+=("ca=$work/cert.pem"); address="https://127.0.0.1:$port"
fi
env "${security[@]}" NEGOCIACION_PORT="$port" NEGOCIACION__HTTP=false NEGOCIACION_DATA="$work/data" Logging__LogLevel__Default=Warning \
  dotnet "$work/server/NegociacionOptimizer.Server.dll" >"$work/server.log" 2>&1 &
server_pid=$!
wait_listening "$port"

client frame "$request" "$work/frame.bin"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version)"
echo "server: $address, mode $mode (solve slots = cores, queue = 2 x cores); request: $request ($(stat -c %s "$work/frame.bin") bytes framed)"

h2() { # phase, h2load args...
  local phase="$1"; shift
  local out
  out="$(h2load "$@" "${h2_security[@]}" -H 'content-type: application/grpc' -H 'te: trailers' -d "$work/frame.bin" \
    "$address/negociacion.v1.OfferService/GenerateOffers" 2>&1)"
  local reqs status lat
  reqs="$(grep -E '^finished in' <<<"$out")"
  status="$(grep -E '^status codes:' <<<"$out")"
  lat="$(grep -E '^time for request:' <<<"$out")"
  echo "| $phase | $(xargs <<<"${reqs#finished in }") | $(xargs <<<"${status#status codes: }") | $(xargs <<<"${lat#time for request:}") |"
}

echo
echo "warm-up (not recorded)"
client run "$address" "$request" warm-up callers=2 seconds=5 timeout-ms=5000 >/dev/null

echo
echo "h2load (HTTP statuses only; gRPC errors travel as HTTP 200 with a grpc-status trailer)"
echo "| phase | finished in, req/s, throughput | HTTP status codes | time for request: min max mean sd +/-sd |"
echo "| --- | --- | --- | --- |"
h2 "fixed 2/s, 20 s" -n 40 -c 1 -m 1 --rps 2
h2 "closed loop, 2 streams" -n 60 -c 1 -m 2
h2 "past saturation, 32 streams" -n 200 -c 4 -m 8

echo
echo "load client (gRPC statuses; deadline 5 s per call)"
client header
client run "$address" "$request" "fixed 2/s, 20 s" rate=2 seconds=20 timeout-ms=5000
client run "$address" "$request" "fixed 4/s, 20 s" rate=4 seconds=20 timeout-ms=5000
client run "$address" "$request" "closed loop, 2 callers, 20 s" callers=2 seconds=20 timeout-ms=5000
client run "$address" "$request" "closed loop, 6 callers, 20 s" callers=6 seconds=20 timeout-ms=5000
client run "$address" "$request" "past saturation: closed loop, 32 callers, 20 s" callers=32 seconds=20 timeout-ms=5000
client run "$address" "$request" "past saturation: fixed 40/s, 10 s" rate=40 seconds=10 timeout-ms=5000
client run "$address" "$work/mixed" "mixed random requests, 2 callers, 60 s" callers=2 seconds=60 timeout-ms=5000
client run "$address" "$work/mixed" "mixed random requests, 4 callers, 30 s" callers=4 seconds=30 timeout-ms=5000

rss="$(ps -o rss= -p "$server_pid" | xargs)"
peak="$(awk '/^VmHWM/ {print $2}' "/proc/$server_pid/status")"
echo
echo "server resident memory after the run: $((rss / 1024)) MiB; peak during the run (VmHWM): $((peak / 1024)) MiB"
if [[ -f "$work/data/ledger.db" ]]; then
  sets="$(/usr/bin/python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM offer_sets").fetchone()[0])' "$work/data/ledger.db")"
  bytes="$(cat "$work/data"/ledger.db* | wc -c)"
  echo "ledger (SQLite, with its write-ahead log): $sets offer sets, $bytes bytes, $((bytes / (sets > 0 ? sets : 1))) bytes per set"
fi
