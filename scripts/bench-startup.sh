#!/usr/bin/env bash
# Cold start: `ccs --version` (release build) against `aws --version`, `python3 -c "import boto3"`
# and python3 importing boto3 and building a Cloud Control client (the honest equivalent of
# ccs ready to make a call), measured with hyperfine in one run (median of several runs each),
# written into the "## Cold start" section of docs/BENCHMARKS.md with the ratios and whether
# the target (ccs faster than each) is met. Usage: scripts/bench-startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-20}"
source scripts/bench/require-tools.sh
bench_require hyperfine:hyperfine
bench_use_real_executables
command -v aws >/dev/null || { echo "bench-startup: aws (the AWS CLI) is not installed" >&2; exit 1; }
python3 -c "import boto3" || { echo "bench-startup: python3 cannot import boto3" >&2; exit 1; }

swift build -c release --product ccs >/dev/null
ccs="$(swift build -c release --show-bin-path)/ccs"
json="$(mktemp)"
section="$(mktemp)"
config="$(mktemp)"
trap 'rm -f "$json" "$section" "$config"' EXIT

# Building a client reads configuration only: an empty config file, no metadata service, no network.
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE="$config" AWS_SHARED_CREDENTIALS_FILE="$config"
hyperfine --warmup 2 --runs "$runs" --export-json "$json" \
    --command-name ccs "$ccs --version" \
    --command-name aws "aws --version" \
    --command-name boto3-import "python3 -c 'import boto3'" \
    --command-name boto3-client "python3 -c \"import boto3; boto3.client('cloudcontrol', region_name='us-east-1')\"" >&2

aws_version="$(aws --version 2>&1 | cut -d' ' -f1)"
boto3_version="$(python3 -c 'import boto3; print(boto3.__version__)')"
python_version="$(python3 --version)"
# The machine is shared; the load during the run is recorded so the figures can be judged.
load="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$json" "$runs" "$load" "$aws_version" "$boto3_version" "$python_version" >"$section" <<'PY'
import json, sys, time
path, runs, load, aws_version, boto3_version, python_version = sys.argv[1:]
results = {r["command"]: r["median"] * 1000 for r in json.load(open(path))["results"]}
ccs = results["ccs"]
rows = [
    ("`ccs --version` (release build)", "ccs"),
    (f"`aws --version` ({aws_version})", "aws"),
    (f"`python3 -c \"import boto3\"` ({python_version}, boto3 {boto3_version})", "boto3-import"),
    ("`python3 -c \"import boto3; boto3.client('cloudcontrol', region_name='us-east-1')\"`", "boto3-client"),
]
print(f"""## Cold start

Measured by `scripts/bench-startup.sh` on {time.strftime('%Y-%m-%d', time.gmtime())}: `hyperfine --warmup 2 --runs {runs}`,
median wall-clock time of starting the program and exiting: printing its version (ccs, aws),
importing boto3, or importing it and building a Cloud Control client (what a Python script
does before its first call; ccs's built-ins are ready at start). Load average at the end of
the run: {load} (2 cores shared with other jobs), so absolute times vary between runs; the
ratios compare commands measured side by side in the same run.

Target: ccs starts faster than the AWS CLI and than python3 importing boto3.

| command | median | ccs faster by | target |
|---|---|---|---|""")
for label, key in rows:
    if key == "ccs":
        print(f"| {label} | {ccs:.1f} ms | — | — |")
    else:
        ratio = results[key] / ccs
        print(f"| {label} | {results[key]:.1f} ms | {ratio:.1f}× | {'met' if ratio > 1 else 'not met'} |")
print()
PY
# Replace the section's body (up to the next "## " heading) with the new text.
python3 - docs/BENCHMARKS.md "$section" <<'PY'
import re, sys
path, section = sys.argv[1], open(sys.argv[2]).read()
text = open(path).read()
pattern = re.compile(r"^## Cold start\n.*?(?=^## |\Z)", re.S | re.M)
if not pattern.search(text):
    sys.exit("docs/BENCHMARKS.md has no '## Cold start' section")
open(path, "w").write(pattern.sub(lambda m: section, text, count=1))
PY
sed -n '/^## Cold start/,/^## Language/p' docs/BENCHMARKS.md | grep '^|'
