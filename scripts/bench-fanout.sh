#!/usr/bin/env bash
# Fan-out benchmark (issue 12): GetResource of 1,000 resources on `ccs serve --response-delay
# 50` (50 ms per response, the order of the real service's GetResource), side by side in one
# run: ccs `parallel` (concurrency 16), ccs serial, boto3 serial, boto3 with
# ThreadPoolExecutor(16). Every command is a whole process reading the same 1,000 identifiers
# and checking it got them back in order. Medians by hyperfine, peak memory by
# /usr/bin/time -v; results go to the "Fan-out" section of docs/BENCHMARKS.md.
# usage: scripts/bench-fanout.sh [RUNS]   (RUNS defaults to 3; a serial run takes ~1 min)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench/require-tools.sh
bench_require hyperfine:hyperfine
bench_use_real_executables

runs=${1:-3}
work=$(mktemp -d /tmp/ccs-bench-fanout.XXXXXX)
serve_pid=""
cleanup() {
    [[ -n $serve_pid ]] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

swift build -c release --product ccs >/dev/null
ccs="$(swift build -c release --show-bin-path)/ccs"
python=${PYTHON:-python3}
type=AWS::Logs::LogGroup
db="$work/bench.sqlite"
count=1000

# Seed in-process (no HTTP, no delay), then wait until every request is due.
"$ccs" --local="$db" -e "for i in range($count) { create(\"$type\", {LogGroupName: \"fan-\" + str(i)}) }"
sleep 1
"$ccs" --local="$db" -e "for i in range($count) { print(\"fan-\" + str(i)) }" > "$work/ids.txt"
"$ccs" --local="$db" -e "assert(count(list(\"$type\", {page_size: 100})) == $count, 'seeding failed')"

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
: > "$work/aws-config"
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-config"
"$ccs" serve --port 0 --db "$db" --latency 0 --response-delay 50 > "$work/serve.out" 2> "$work/serve.err" &
serve_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/serve.out")
[[ -n $url ]] || { echo "ccs serve did not start: $(cat "$work/serve.err")" >&2; exit 1; }
export AWS_ENDPOINT_URL=$url

ccs_cmd() { echo "'$ccs' scripts/bench/fanout.ccs '$type' '$work/ids.txt' $1"; }
boto_cmd() { echo "$python scripts/bench/fanout_boto3.py '$type' '$work/ids.txt' $1"; }

# The same answers first: each command reads all 1,000 back, in order, or fails.
for cmd in "$(ccs_cmd 16)" "$(boto_cmd 16)"; do
    got=$(eval "$cmd")
    [[ $got == "$count" ]] || { echo "'$cmd' read $got resources, expected $count" >&2; exit 1; }
done

hyperfine --style basic --runs "$runs" --export-json "$work/time.json" \
    -n "ccs parallel 16" "$(ccs_cmd 16)" -n "ccs serial" "$(ccs_cmd 1)" \
    -n "boto3 serial" "$(boto_cmd 1)" -n "boto3 ThreadPoolExecutor(16)" "$(boto_cmd 16)" >&2
for pair in "ccs16:$(ccs_cmd 16)" "ccs1:$(ccs_cmd 1)" "boto1:$(boto_cmd 1)" "boto16:$(boto_cmd 16)"; do
    /usr/bin/time -v bash -c "${pair#*:}" > /dev/null 2> "$work/mem-${pair%%:*}.txt"
done

"$python" - "$work" "$runs" "$count" <<'PY'
import datetime, json, os, re, statistics, sys, textwrap
import boto3
work, runs, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = json.load(open(os.path.join(work, "time.json")))["results"]
t = {r["command"]: statistics.median(r["times"]) for r in data}
def peak(tag):
    text = open(os.path.join(work, f"mem-{tag}.txt")).read()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
mem = {"ccs parallel 16": peak("ccs16"), "ccs serial": peak("ccs1"), "boto3 serial": peak("boto1"),
       "boto3 ThreadPoolExecutor(16)": peak("boto16")}
intro = ("Measured by `scripts/bench-fanout.sh` on " + datetime.date.today().isoformat()
         + f": GetResource of {count:,} `AWS::Logs::LogGroup` resources on `ccs serve --response-delay 50`"
         + " (release build, every response held 50 ms, as the real service's GetResource takes 50–150 ms),"
         + " each command a whole process reading the same identifiers and checking them in order:"
         + " `scripts/bench/fanout.ccs` (`parallel` with concurrency 16, or a plain loop) and"
         + f" `scripts/bench/fanout_boto3.py` (boto3 {boto3.__version__}, a loop or a ThreadPoolExecutor(16)"
         + f" over one client). Hyperfine medians of {runs} runs; peak memory by `/usr/bin/time -v`.")
lines = [textwrap.fill(intro, width=95, break_on_hyphens=False), "",
         "| command | time | requests/s | peak memory |", "|---|---|---|---|"]
for name in ["ccs parallel 16", "ccs serial", "boto3 serial", "boto3 ThreadPoolExecutor(16)"]:
    lines.append(f"| {name} | {t[name]:.2f} s | {count / t[name]:.0f} | {mem[name]:.1f} MB |")
vs_serial = t["ccs serial"] / t["ccs parallel 16"]
vs_pool = t["boto3 ThreadPoolExecutor(16)"] / t["ccs parallel 16"]
lines += ["", textwrap.fill(
    f"Targets (issue 12): ccs parallel at least 10× ccs serial — **{'met' if vs_serial >= 10 else 'not met'}**"
    f" ({vs_serial:.1f}×); at least 1.5× boto3 with 16 threads — **{'met' if vs_pool >= 1.5 else 'not met'}**"
    f" ({vs_pool:.2f}×); memory flat — ccs parallel peaks at {mem['ccs parallel 16']:.1f} MB against"
    f" {mem['ccs serial']:.1f} MB serial.", width=95, break_on_hyphens=False)]
section = "\n".join(lines) + "\n"
path = "docs/BENCHMARKS.md"
text = open(path).read()
if "## Fan-out\n" not in text:
    text = text.rstrip("\n") + "\n\n## Fan-out\n"
start = text.index("## Fan-out\n") + len("## Fan-out\n")
rest = text[start:]
next_heading = re.search(r"^## ", rest, re.MULTILINE)
end = start + (next_heading.start() if next_heading else len(rest))
text = text[:start] + "\n" + section + ("\n" if next_heading else "") + text[end:]
open(path, "w").write(text)
print(section)
PY
