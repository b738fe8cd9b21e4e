#!/usr/bin/env bash
# The server's cost per answered request against the engine's alone (docs/PERFORMANCE.md, "Server overhead per
# request"). The Benchmarks project's seeded random requests (three policies, 5 offers, each policy's 2 s budget):
#   1. in process, one thread, process CPU time per request (BENCH_CPU=1);
#   2. a fresh Release server on a free loopback port: 2 closed-loop callers send each request once, then 8 callers
#      (4x the solve slots: most calls are refused at once) for a fixed time;
#   3. a second fresh server: the "bounded" subset (the requests proven in process in under 300 ms of CPU, so no
#      search is cut by the clock and the work per request is the same in both places) sent twice by 2 callers, first
#      on a cold server (JIT still compiling) then warm; then 8 callers whose 100 ms deadline leaves no time to search:
#      every call is refused after validation and mapping, on the same path as a refusal at capacity (the runner's
#      admission throws, the status goes back), so the server's CPU over the phase divided by its calls is what one
#      refusal costs.
# The server's CPU time (utime + stime of /proc/<pid>/stat) over a phase divided by its answers is the figure compared
# with the in-process one: unlike answers a second, it hardly depends on what else runs on the machine.
# Usage: bash bench/load/overhead.sh [requests] [overload-seconds] [server-folder]
#   (default: 400 30, and a server built from this tree; pass the output folder of another build to compare it)
set -euo pipefail
cd "$(dirname "$0")/../.."

count="${1:-400}"
overload_seconds="${2:-30}"
server="${3:-}"
source bench/load/lib.sh

if [[ -z "$server" ]]; then
  server="$work/server"
  dotnet build -c Release src/NegociacionOptimizer.Server -o "$server" 2>&1 | grep -E " error |rror\(s\)" || true
fi
dotnet build -c Release bench/NegociacionOptimizer.LoadClient -o "$work/client" 2>&1 | grep -E " error |rror\(s\)" || true
# In its own output folder: the benchmark finds the policies folder above its assembly.
dotnet build -c Release bench/NegociacionOptimizer.Benchmarks 2>&1 | grep -E " error |rror\(s\)" || true
bench=bench/NegociacionOptimizer.Benchmarks/bin/Release/net10.0/linux-x64/NegociacionOptimizer.Benchmarks.dll
dotnet "$bench" random-export "$count" 12 "$work/mixed"
client() { dotnet "$work/client/NegociacionOptimizer.LoadClient.dll" "$@"; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / hz }' "/proc/$server_pid/stat"; }
mean_ms() { awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^ms=/) { sum += substr($i, 4); n++ } } END { printf "%.1f", sum / n }'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. In process: each request's CPU time from the benchmark's trace (one line per request, "ms=").
BENCH_CPU=1 BENCH_TRACE=1 dotnet "$bench" random "$count" 12 5 >/dev/null 2>"$work/trace.txt"
mkdir "$work/bounded"
awk '$5 == "proven=True" { split($6, ms, "="); if (ms[2] + 0 < 300) print $1 }' "$work/trace.txt" |
  while read -r id; do cp "$work/mixed/$id.json" "$work/bounded/"; done
bounded="$(find "$work/bounded" -name '*.json' | wc -l)"
echo
echo "in process, one thread: all $count requests $(mean_ms <"$work/trace.txt") CPU ms a request;" \
  "the bounded $bounded $(grep -E 'proven=True' "$work/trace.txt" | awk '{ split($6, ms, "="); if (ms[2] + 0 < 300) print }' | mean_ms)"

start() { # a fresh server (fresh ledger) after a 5 s warm-up with the sample request
  local port
  port="$(free_port)"
  NEGOCIACION_PORT="$port" NEGOCIACION__HTTP=false NEGOCIACION_DATA="$work/data-$1" Logging__LogLevel__Default=Warning \
    dotnet "$server/NegociacionOptimizer.Server.dll" >"$work/server-$1.log" 2>&1 &
  server_pid=$!
  wait_listening "$port"
  address="http://127.0.0.1:$port"
  client run "$address" samples/requests/forgot-to-pay.json warm-up callers=2 seconds=5 timeout-ms=5000 >/dev/null
}
stop() {
  echo "server peak resident memory (VmHWM): $(($(awk '/^VmHWM/ {print $2}' "/proc/$server_pid/status") / 1024)) MiB"
  kill "$server_pid"; wait "$server_pid" || true; server_pid=""
}
phase() { # requests folder, name, load client settings...: the load client's row, then the server's CPU per answer
  local folder="$1" name="$2"; shift 2
  local before row
  before="$(cpu_ms)"
  row="$(client run "$address" "$folder" "$name" "$@")"
  spent="$(awk -v a="$(cpu_ms)" -v b="$before" 'BEGIN { print a - b }')"
  ok="$(grep -oE "OK=[0-9]+" <<<"$row" | cut -d= -f2 || true)"; ok="${ok:-0}"
  calls="$(cut -d'|' -f3 <<<"$row" | xargs)"
  echo "$row"
  per_answer="$(awk -v s="$spent" -v ok="$ok" 'BEGIN { printf "%.1f", (ok > 0 ? s / ok : 0) }')"
  echo "  server CPU over \"$name\": $spent ms, $per_answer ms an answer, $(awk -v s="$spent" -v c="$calls" 'BEGIN { printf "%.3f", s / c }') ms a call"
}

echo
client header
start mixed
phase "$work/mixed" "all $count, 2 callers, each once" callers=2 calls="$count" seconds=120 timeout-ms=5000
phase "$work/mixed" "all $count, 8 callers, $overload_seconds s" callers=8 seconds="$overload_seconds" timeout-ms=5000
stop
start bounded
phase "$work/bounded" "bounded $bounded, 2 callers, cold server" callers=2 calls="$bounded" seconds=120 timeout-ms=5000
phase "$work/bounded" "bounded $bounded, 2 callers, warm server" callers=2 calls="$bounded" seconds=120 timeout-ms=5000
phase "$work/bounded" "refused: 8 callers, 100 ms deadline, $overload_seconds s" callers=8 seconds="$overload_seconds" timeout-ms=100
stop
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
