#!/usr/bin/env bash
# Language benchmarks: the same programs in ccs (release build), CPython and Lua 5.4, run
# side by side by hyperfine; CPU and median wall-clock times and the ratios go into the
# `## Language` section of docs/BENCHMARKS.md.
#   RUNS=N          runs per program and interpreter (default 7)
#   PROGRAMS="a b"  a subset of the programs (default: all of them)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-7}"
read -r -a PROGRAMS <<<"${PROGRAMS:-fib loop strings churn binary_trees nbody spectral_norm fannkuch sieve split_join word_count closures methods cc_workload}"

source scripts/bench/require-tools.sh
bench_require hyperfine:hyperfine lua5.4:lua5.4
bench_use_real_executables
# cc_workload.lua decodes and encodes JSON with lua-cjson, what a Lua user would reach for.
if ! lua5.4 -e 'require "cjson"' 2>/dev/null; then
    echo "benchmarks: installing lua-cjson" >&2
    sudo=()
    [[ $(id -u) -ne 0 ]] && sudo=(sudo)
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq lua-cjson >/dev/null
fi
command -v python3 >/dev/null || { echo "bench-language: python3 is required" >&2; exit 2; }

swift build -c release --product ccs
CCS="$(swift build -c release --show-bin-path)/ccs"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

for program in "${PROGRAMS[@]}"; do
    # Every program prints its result: check the three agree before timing them.
    expected="$(python3 "scripts/bench/$program.py")"
    for run in "$CCS scripts/bench/$program.ccs" "lua5.4 scripts/bench/$program.lua"; do
        got="$($run | tr '\t' ' ')"
        if [[ "$got" != "$expected" ]]; then
            echo "bench-language: '$run' printed '$got', python3 printed '$expected'" >&2
            exit 1
        fi
    done
    hyperfine --warmup 1 --runs "$RUNS" --style basic --export-json "$OUT/$program.json" \
        -n ccs "$CCS scripts/bench/$program.ccs" \
        -n python3 "python3 scripts/bench/$program.py" \
        -n lua5.4 "lua5.4 scripts/bench/$program.lua"
done

python3 - "$OUT" "$RUNS" "${PROGRAMS[@]}" <<'PY'
import json, os, re, subprocess, sys

out, runs, programs = sys.argv[1], sys.argv[2], sys.argv[3:]
describe = {
    "fib": "recursive fib(30)",
    "loop": "5,000,000-iteration arithmetic loop",
    "strings": "string building (300,000 appends)",
    "churn": "map and list churn (500,000 items)",
    "binary_trees": "binary-trees, depth 14",
    "nbody": "n-body, 100,000 steps",
    "spectral_norm": "spectral-norm, n = 130",
    "fannkuch": "fannkuch-redux, n = 9",
    "sieve": "sieve of Eratosthenes below 1,000,000",
    "split_join": "string building and splitting (200,000 lines)",
    "word_count": "map-heavy word counting (400,000 words)",
    "closures": "closures and map/filter/reduce (2,000,000 calls)",
    "methods": "method calls over resource-like records",
    "cc_workload": "Cloud Control shaped: decode, filter, group, diff, encode 10,000 resources",
}
python_version = subprocess.run(["python3", "--version"], capture_output=True, text=True).stdout.strip()
rows = []
python_met = 0
lua_met = 0
for p in programs:
    results = {r["command"]: r for r in json.load(open(os.path.join(out, p + ".json")))["results"]}
    wall = {n: results[n]["median"] for n in ("ccs", "python3", "lua5.4")}
    cpu = {n: results[n]["user"] + results[n]["system"] for n in ("ccs", "python3", "lua5.4")}
    cell = lambda n: f"{cpu[n] * 1000:.0f} ms ({wall[n] * 1000:.0f} ms)"
    to_python = cpu["ccs"] / cpu["python3"]
    to_lua = cpu["ccs"] / cpu["lua5.4"]
    python_met += to_python <= 0.5
    lua_met += to_lua <= 1.5
    rows.append(f"| {describe[p]} | {cell('ccs')} | {cell('python3')} | {cell('lua5.4')} "
                f"| {to_python:.2f} {'✓' if to_python <= 0.5 else '✗'} | {to_lua:.2f} {'✓' if to_lua <= 1.5 else '✗'} |")
load = os.getloadavg()[0]
total = len(programs)
section = f"""## Language

Measured by `scripts/bench-language.sh`: the programs in `scripts/bench/` (`.ccs`, `.py`,
`.lua`, the same algorithm in each, their outputs checked equal before timing), {runs} runs
each after a warm-up, by hyperfine, ccs from a release build, {python_version} and Lua 5.4
started as the real executables (not through a version manager's shim). Each cell is the CPU
time (user + system, mean of the runs) and, in parentheses, the median wall-clock time. The
load average during the run was {load:.1f}; wall-clock times include waiting for a core, so
the ratios compare CPU times. A ratio is ccs's CPU time divided by the other interpreter's:
below 1.00 ccs is faster.

Targets (issue 15): ccs ≤ 0.5× CPython's CPU time on every program — met on
**{python_met} of {total}**; ccs ≤ 1.5× Lua's on at least half — met on **{lua_met} of {total}**.

| program | ccs | python3 | lua5.4 | ccs ÷ python3 (≤ 0.5) | ccs ÷ lua5.4 (≤ 1.5) |
|---------|-----|---------|--------|-----------------------|----------------------|
""" + "\n".join(rows) + "\n"
notes_path = "scripts/bench/NOTES.md"
if os.path.exists(notes_path):
    section += "\n" + open(notes_path).read().strip() + "\n"
doc = open("docs/BENCHMARKS.md").read()
pattern = re.compile(r"## Language\n.*?(?=\n## |\Z)", re.S)
doc = pattern.sub(lambda _: section.rstrip("\n") + "\n", doc, count=1)
open("docs/BENCHMARKS.md", "w").write(doc)
print(section)
PY
