#!/usr/bin/env bash
# Listing benchmark: `ccs -e 'count(list(T))'` against a boto3 paginator loop and
# `aws cloudcontrol list-resources` (which pages through everything), all listing the same
# `ccs serve` on loopback: 10,000 resources of one type and 1,000 of another, to show that
# ccs's memory does not grow with the number of resources iterated. Medians by hyperfine,
# peak memory by /usr/bin/time -v; results go to the "Listing" section of docs/BENCHMARKS.md.
# usage: scripts/bench-listing.sh [RUNS]   (RUNS defaults to 5)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench/require-tools.sh
bench_require hyperfine:hyperfine
bench_use_real_executables

runs=${1:-5}
work=$(mktemp -d /tmp/ccs-bench-listing.XXXXXX)
serve_pid=""
cleanup() {
    [[ -n $serve_pid ]] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

swift build -c release --product ccs >/dev/null
ccs="$(swift build -c release --show-bin-path)/ccs"
python=${PYTHON:-python3}
big=AWS::Logs::LogGroup
small=AWS::SNS::Topic
db="$work/bench.sqlite"

# Seed in-process (one SQLite transaction per create, no HTTP): 10,000 + 1,000 creates, then
# a listing once every request is due, which completes them all.
"$ccs" --local="$db" -e "
for i in range(10000) { create(\"$big\", {LogGroupName: \"bench-\" + str(i)}) }
for i in range(1000) { create(\"$small\", {TopicName: \"bench-\" + str(i)}) }
"
sleep 1
"$ccs" --local="$db" -e "assert(count(list(\"$big\", {page_size: 100})) == 10000 and count(list(\"$small\", {page_size: 100})) == 1000, 'seeding failed')"

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
: > "$work/aws-config"
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-config"
"$ccs" serve --port 0 --db "$db" --latency 0 > "$work/serve.out" 2> "$work/serve.err" &
serve_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/serve.out")
[[ -n $url ]] || { echo "ccs serve did not start: $(cat "$work/serve.err")" >&2; exit 1; }
export AWS_ENDPOINT_URL=$url

ccs_cmd() { echo "'$ccs' -e 'count(list(\"$1\"))'"; }
boto_cmd() { echo "$python scripts/bench/listing_boto3.py '$1'"; }
aws_cmd() { echo "aws cloudcontrol list-resources --type-name '$1' --output json"; }
# The AWS CLI merges every page into one document; count its descriptions for the check.
aws_count() { eval "$(aws_cmd "$1")" | "$python" -c 'import json, sys; print(len(json.load(sys.stdin)["ResourceDescriptions"]))'; }

# The same answers first: a benchmark of wrong results measures nothing.
for type in $big $small; do
    want=$([[ $type == "$big" ]] && echo 10000 || echo 1000)
    for tool in ccs boto aws; do
        if [[ $tool == aws ]]; then got=$(aws_count "$type"); else got=$(eval "$(${tool}_cmd "$type")"); fi
        [[ $got == "$want" ]] || { echo "$tool counted $got $type resources, expected $want" >&2; exit 1; }
    done
done

for type in $big $small; do
    tag=$([[ $type == "$big" ]] && echo 10k || echo 1k)
    hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/time-$tag.json" \
        -n ccs "$(ccs_cmd "$type")" -n boto3 "$(boto_cmd "$type")" -n aws "$(aws_cmd "$type")" >&2
    for tool in ccs boto aws; do
        /usr/bin/time -v bash -c "$(${tool}_cmd "$type")" > /dev/null 2> "$work/mem-$tag-$tool.txt"
    done
done

"$python" - "$work" "$runs" <<'PY'
import json, os, re, statistics, subprocess, sys, datetime, textwrap
work, runs = sys.argv[1], sys.argv[2]
def medians(tag):
    data = json.load(open(os.path.join(work, f"time-{tag}.json")))["results"]
    return {r["command"]: statistics.median(r["times"]) * 1000 for r in data}
def peak(tag, tool):
    text = open(os.path.join(work, f"mem-{tag}-{tool}.txt")).read()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
rows = []
for tag, count in (("10k", "10,000"), ("1k", "1,000")):
    m = medians(tag)
    rows.append((count, m, {t: peak(tag, t) for t in ("ccs", "boto", "aws")}))
aws_version = subprocess.run(["aws", "--version"], capture_output=True, text=True)
aws_version = (aws_version.stdout or aws_version.stderr).split()[0]
import boto3
lines = [
    "Measured by `scripts/bench-listing.sh` on " + datetime.date.today().isoformat()
    + f": `ccs serve` (release build, latency 0) on loopback holding 10,000 `AWS::Logs::LogGroup` and 1,000"
    + " `AWS::SNS::Topic` resources, listed in pages of the default 25. Each command is a whole process"
    + f" counting the resources of one type: `ccs -e 'count(list(T))'`, a boto3 ListResources paginator loop"
    + f" (`scripts/bench/listing_boto3.py`, boto3 {boto3.__version__}) and `aws cloudcontrol list-resources`"
    + f" ({aws_version}, which pages through everything and prints the merged JSON). Times are hyperfine medians of {runs} runs;"
    + " peak memory is the maximum resident set size reported by `/usr/bin/time -v`. The server runs on the"
    + " same 2 shared cores, so its time is part of every row.",
]
lines = [textwrap.fill(lines[0], width=95, break_on_hyphens=False), "",
    "| resources | ccs | boto3 paginator | aws cloudcontrol list-resources | ccs vs boto3 | ccs vs aws |",
    "|---|---|---|---|---|---|",
]
for count, m, mem in rows:
    c, b, a = m["ccs"], m["boto3"], m["aws"]
    lines.append(f"| {count} | {c:.0f} ms, {mem['ccs']:.1f} MB | {b:.0f} ms, {mem['boto']:.1f} MB | "
                 f"{a:.0f} ms, {mem['aws']:.1f} MB | {b / c:.1f}× faster | {a / c:.1f}× faster |")
(big_c, big_m, big_mem), (small_c, small_m, small_mem) = rows
lines += ["", textwrap.fill(f"ccs's peak memory is {small_mem['ccs']:.1f} MB listing 1,000 resources and {big_mem['ccs']:.1f} MB"
          f" listing 10,000: `list` holds one page at a time and decodes no Properties that are not read.", width=95, break_on_hyphens=False)]
# Targets (issue 7): at least 3x faster than boto3 listing 10,000; memory flat in the count
# (taken as: the 10,000 listing's peak within 10% of the 1,000 listing's).
speedup = big_m["boto3"] / big_m["ccs"]
growth = big_mem["ccs"] / small_mem["ccs"]
lines += ["", textwrap.fill(
    f"Target: listing 10,000 at least 3× faster than boto3 — **{'met' if speedup >= 3 else 'not met'}** ({speedup:.1f}×)."
    f" Target: memory flat in the number of resources (peak at 10,000 within 10% of the peak at 1,000) —"
    f" **{'met' if growth <= 1.1 else 'not met'}** ({growth:.2f}×).", width=95, break_on_hyphens=False)]
section = "\n".join(lines) + "\n"
path = "docs/BENCHMARKS.md"
text = open(path).read()
start = text.index("## Listing\n") + len("## Listing\n")
rest = text[start:]
next_heading = re.search(r"^## ", rest, re.MULTILINE)
end = start + (next_heading.start() if next_heading else len(rest))
text = text[:start] + "\n" + section + ("\n" if next_heading else "") + text[end:]
open(path, "w").write(text)
print(section)
PY
