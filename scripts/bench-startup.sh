#!/usr/bin/env bash
# Cold start: `ccs --version` (release build) against `aws --version`, measured with hyperfine
# in one run (median of several runs each), written into the "## Cold start" section of
# docs/BENCHMARKS.md together with the ratio. Usage: scripts/bench-startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-20}"
command -v hyperfine >/dev/null || { echo "bench-startup: hyperfine is not installed" >&2; exit 1; }
command -v aws >/dev/null || { echo "bench-startup: aws (the AWS CLI) is not installed" >&2; exit 1; }

swift build -c release --product ccs >/dev/null
ccs="$(swift build -c release --show-bin-path)/ccs"
json="$(mktemp)"
trap 'rm -f "$json"' EXIT

hyperfine --warmup 2 --runs "$runs" --export-json "$json" --command-name ccs "$ccs --version" \
    --command-name aws "aws --version" >&2

read -r ccs_ms aws_ms < <(python3 - "$json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
print("%.1f %.1f" % (results["ccs"]["median"] * 1000, results["aws"]["median"] * 1000))
PY
)
ratio="$(python3 -c "print('%.0f' % ($aws_ms / $ccs_ms))")"
aws_version="$(aws --version 2>&1 | cut -d' ' -f1)"
# The machine is shared; the load during the run is recorded so the figures can be judged.
load="$(cut -d' ' -f1-3 /proc/loadavg)"

section="$(mktemp)"
cat >"$section" <<MD
## Cold start

Measured by \`scripts/bench-startup.sh\` on $(date -u +%Y-%m-%d): \`hyperfine --warmup 2 --runs $runs\`,
median wall-clock time of starting the program and printing its version. Load average at the
end of the run: $load (2 cores shared with other jobs), so absolute times vary between runs;
the ratio compares the two commands measured side by side in the same run.

| command | median |
|---|---|
| \`ccs --version\` (release build) | $ccs_ms ms |
| \`aws --version\` ($aws_version) | $aws_ms ms |

ccs starts about ${ratio}× faster than the AWS CLI.

MD
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
rm -f "$section"
echo "cold start: ccs ${ccs_ms} ms, aws ${aws_ms} ms (${ratio}x)"
