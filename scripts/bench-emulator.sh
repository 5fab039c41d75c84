#!/usr/bin/env bash
# Emulator throughput: GetResource and ListResources requests per second of `ccs serve`
# (release build) under wrk on loopback, with 1,000, 10,000 and 100,000 stored resources;
# written to the "## Emulator throughput" section of docs/BENCHMARKS.md.
# usage: scripts/bench-emulator.sh [RUNS] [DURATION_SECONDS]   (defaults: 3 runs of 10 s)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
duration=${2:-10}
sizes=(1000 10000 100000)
source scripts/bench/require-tools.sh
bench_require wrk:wrk
bench_use_real_executables
python=${PYTHON:-python3}
helper=scripts/bench/emulator_bench.py

swift build -c release --product ccs >/dev/null
ccs="$(swift build -c release --show-bin-path)/ccs"
work=$(mktemp -d /tmp/ccs-bench-emulator.XXXXXX)
server_pid=""
stop_server() {
    if [[ -n "$server_pid" ]]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
trap 'stop_server; rm -rf "$work"' EXIT

# Starts `ccs serve` on a free port over database $1 and sets $url from its one stdout line.
start_server() {
    local out="$work/serve.out"
    : >"$out"
    "$ccs" serve --port 0 --db "$1" --latency 0 >"$out" 2>"$work/serve.err" &
    server_pid=$!
    for _ in $(seq 1 100); do
        if grep -q '^listening on ' "$out"; then
            url=$(sed -n 's/^listening on //p' "$out")
            return
        fi
        sleep 0.1
    done
    echo "bench-emulator: ccs serve did not start: $(cat "$work/serve.err")" >&2
    exit 1
}

load_before=$(cut -d' ' -f1 /proc/loadavg)
results="$work/results.json"
echo "[" >"$results"
first=1
for size in "${sizes[@]}"; do
    db="$work/db-$size.sqlite"
    start_server "$db"
    "$python" "$helper" seed "$url"
    stop_server
    "$python" "$helper" copy "$db" "$size"
    start_server "$db"
    middle=$(printf 'bench-%06d' $((size / 2)))
    page_bytes=$("$python" "$helper" page-bytes "$url")
    "$python" "$helper" request "$url" GetResource \
        "{\"TypeName\":\"AWS::Logs::LogGroup\",\"Identifier\":\"$middle\"}" "$work/get.lua"
    "$python" "$helper" request "$url" ListResources \
        '{"TypeName":"AWS::Logs::LogGroup"}' "$work/list.lua"
    for operation in GetResource ListResources; do
        script="$work/get.lua"
        [[ $operation == ListResources ]] && script="$work/list.lua"
        wrk -t2 -c16 -d2s -s "$script" "$url/" >/dev/null  # warm-up
        for run in $(seq 1 "$runs"); do
            out=$(wrk -t2 -c16 -d"${duration}s" --latency -s "$script" "$url/")
            failures=$(sed -n 's/^non-200: //p' <<<"$out")
            if [[ "$failures" != "0" ]]; then
                echo "bench-emulator: $failures non-200 responses in $operation ($size resources)" >&2
                echo "$out" >&2
                exit 1
            fi
            rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
            p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v=v*1000}; print v}' <<<"$out")
            echo "$operation $size resources, run $run: $rps req/s, p99 $p99 ms" >&2
            [[ $first == 1 ]] || echo "," >>"$results"
            first=0
            printf '{"operation": "%s", "resources": %s, "rps": %s, "p99_ms": %s, "list_page_bytes": %s}\n' \
                "$operation" "$size" "$rps" "$p99" "$page_bytes" >>"$results"
        done
    done
    stop_server
done
echo "]" >>"$results"

cores=$(nproc)
note="Machine: $cores cores shared with other work (load average $load_before when the run started), $(uname -sr), $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//'); the server, wrk and the OS share the cores, so figures are lower bounds."
"$python" "$helper" report docs/BENCHMARKS.md "$results" "$duration" "$note"
echo "bench-emulator: results written to docs/BENCHMARKS.md" >&2
