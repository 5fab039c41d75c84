#!/usr/bin/env bash
# Regenerates docs/BENCHMARKS.md in one run: every benchmark of the project, one after the
# other on the same machine, each rewriting its own section (cold start, language, JSON and
# JSONPath, emulator throughput, listing, REPL start-up). Each section states its method,
# the median of several runs, the ratios against the alternatives and whether the target is
# met. Run it on a quiet machine: the figures are only comparable within one run.
# usage: scripts/bench-all.sh [--quick]   (--quick: fewer runs, for a smoke test of the scripts)
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
[[ "${1:-}" == "--quick" ]] && quick=true

swift build -c release --product ccs
started=$(date -u +%Y-%m-%dT%H:%MZ)
echo "bench-all: started $started, load average $(cut -d' ' -f1-3 /proc/loadavg)"

if $quick; then
    bash scripts/bench-startup.sh 5
    RUNS=2 bash scripts/bench-language.sh
    bash scripts/bench-json.sh 1
    bash scripts/bench-emulator.sh 1 3
    bash scripts/bench-listing.sh 2
    python3 scripts/bench-repl-startup.py --runs 5 --write
else
    bash scripts/bench-startup.sh
    bash scripts/bench-language.sh
    bash scripts/bench-json.sh
    bash scripts/bench-emulator.sh
    bash scripts/bench-listing.sh
    python3 scripts/bench-repl-startup.py --write
fi
echo "bench-all: done $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
