#!/usr/bin/env bash
# Create and wait: a ccs script creating 100 AWS::Logs::LogGroup resources and waiting with one
# `wait_all`, against a boto3 script creating the same and waiting with botocore's
# `resource_request_success` waiter (in turn, and from a thread pool), all against one
# `ccs serve` (release build) on loopback with a realistic per-phase latency. Medians go to the
# "## Create and wait" section of docs/BENCHMARKS.md (scripts/bench/create_wait_bench.py).
# usage: scripts/bench-create-wait.sh [RUNS] [COUNT] [LATENCY_MS]   (defaults: 5 runs, 100, 1000 ms)
# 1000 ms per phase makes each request take 2 s, about what a log group takes on AWS, and
# longer than 100 creates take to send, so every run of the boto3 script meets an unfinished
# request at its first waiter. With 200 ms the last requests often finished before the
# sequential waiters reached them, and the boto3 time jumped between ~0.5 s and ~5 s of waiting
# from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench/require-tools.sh
bench_use_real_executables

runs=${1:-5}
count=${2:-100}
latency=${3:-1000}
python=${PYTHON:-python3}
work=$(mktemp -d /tmp/ccs-bench-create-wait.XXXXXX)
serve_pid=""
cleanup() {
    if [[ -n $serve_pid ]]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

swift build -c release --product ccs >/dev/null
ccs="$(swift build -c release --show-bin-path)/ccs"

# Only the loopback server: test credentials, no config files, no instance metadata.
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
: > "$work/aws-config"
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-config"
"$ccs" serve --port 0 --db "$work/bench.sqlite" --latency "$latency" > "$work/serve.out" 2> "$work/serve.err" &
serve_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/serve.out")
[[ -n $url ]] || { echo "bench-create-wait: ccs serve did not start: $(cat "$work/serve.err")" >&2; exit 1; }
export AWS_ENDPOINT_URL=$url

"$python" scripts/bench/create_wait_bench.py "$ccs" "$runs" "$count" "$latency" docs/BENCHMARKS.md
