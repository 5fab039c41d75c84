#!/usr/bin/env bash
# Regenerates docs/BENCHMARKS.md in one run: every benchmark of the project, one after the
# other on the same machine, each rewriting its own section (cold start, language, JSON and
# JSONPath, emulator throughput, listing, create and wait, REPL start-up, LSP completion,
# fan-out), then the header
# (date, machine, load average at start and end, versions). Each section states its method,
# the median of several runs, the ratios against the alternatives and whether its target is
# met. Run it on a quiet machine: the figures are only comparable within one run.
# usage: scripts/bench-all.sh [--quick]   (--quick: fewer runs, for a smoke test of the scripts)
# The full run takes about 13 minutes on the 2-core development machine (each step prints its time).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
[[ "${1:-}" == "--quick" ]] && quick=true

source scripts/bench/require-tools.sh
bench_require hyperfine:hyperfine wrk:wrk lua5.4:lua5.4
bench_use_real_executables
swift build -c release --product ccs
started=$(date -u +"%Y-%m-%d %H:%M UTC")
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
t0=$SECONDS
echo "bench-all: started $started, load average $load_start"

# Runs one benchmark and says how long it took, so the total can be kept in bounds.
step() {
    local begin=$SECONDS
    "$@"
    echo "bench-all: '$*' took $((SECONDS - begin)) s" >&2
}

if $quick; then
    step bash scripts/bench-startup.sh 5
    step env RUNS=2 bash scripts/bench-language.sh
    step bash scripts/bench-json.sh 1
    step bash scripts/bench-emulator.sh 1 3
    step bash scripts/bench-listing.sh 2
    step bash scripts/bench-create-wait.sh 2
    step python3 scripts/bench-repl-startup.py --runs 5 --write
else
    # Fewer language runs (5, not the script's 7) and 8-second emulator runs (not 10) keep the
    # whole run near 13 minutes on the 2-core development machine; CPython's string program
    # alone takes 8 to 12 s a run.
    step bash scripts/bench-startup.sh
    step env RUNS=5 bash scripts/bench-language.sh
    step bash scripts/bench-json.sh
    step bash scripts/bench-emulator.sh 3 8
    step bash scripts/bench-listing.sh
    step bash scripts/bench-create-wait.sh
    step python3 scripts/bench-repl-startup.py --write
    step python3 scripts/bench-lsp-completion.py --write
    # One run per command: a serial pass alone reads 1,000 resources 50 ms apart (about a minute).
    step bash scripts/bench-fanout.sh 1
fi
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
elapsed=$((SECONDS - t0))

# The header: everything between the title and the first section.
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
aws_version=$(aws --version 2>&1 | cut -d' ' -f1)
header="$(mktemp)"
trap 'rm -f "$header"' EXIT
cat >"$header" <<MD
Every section below comes from one run of \`scripts/bench-all.sh$($quick && echo " --quick")\`, started
$started and lasting $((elapsed / 60)) min $((elapsed % 60)) s: each benchmark measured on the same machine, one
after the other, as the median of several runs, with the ratios against what a user would
otherwise pick measured side by side in the same run. Each section states its target and
whether it is met.

- Machine: $(nproc) cores ($cpu), $(uname -sr), shared with other work.
- Load average (1, 5, 15 min): $load_start at the start, $load_end at the end.
- Swift: $(swift --version 2>&1 | head -1 | sed 's/ (.*//') (release builds of ccs).
- Python: $(python3 --version), boto3 $(python3 -c 'import boto3; print(boto3.__version__)'); AWS CLI: $aws_version.
- Lua: $(lua5.4 -v 2>&1 | cut -d' ' -f1-2); tools: $(hyperfine --version), wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2).
MD
$quick && printf '%s\n' "- Quick run (\`--quick\`): fewer and shorter runs than the full benchmark; a smoke test of the scripts, not figures to quote." >>"$header"
python3 - docs/BENCHMARKS.md "$header" <<'PY'
import re, sys
path, header = sys.argv[1], open(sys.argv[2]).read()
text = open(path).read()
first = re.search(r"^## ", text, re.M)
if not text.startswith("# Benchmarks\n") or not first:
    sys.exit("docs/BENCHMARKS.md: expected '# Benchmarks' then '## ' sections")
open(path, "w").write("# Benchmarks\n\n" + header.rstrip("\n") + "\n\n" + text[first.start():])
PY
echo "bench-all: done $(date -u +%Y-%m-%dT%H:%MZ) after ${elapsed} s, load average $load_end"
