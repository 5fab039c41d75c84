#!/usr/bin/env bash
# Language benchmarks: the same programs in ccs (release build), CPython and Lua 5.4, run
# side by side by hyperfine; the median wall-clock times and the ratios go into the
# `## Language` section of docs/BENCHMARKS.md.
#   RUNS=N   runs per program and interpreter (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-7}"
PROGRAMS=(fib loop strings churn)

source scripts/bench/require-tools.sh
bench_require hyperfine:hyperfine lua5.4:lua5.4
bench_use_real_executables
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
}
python_version = subprocess.run(["python3", "--version"], capture_output=True, text=True).stdout.strip()
rows = []
met_all = []
for p in programs:
    results = {r["command"]: r for r in json.load(open(os.path.join(out, p + ".json")))["results"]}
    wall = {n: results[n]["median"] for n in ("ccs", "python3", "lua5.4")}
    cpu = {n: results[n]["user"] + results[n]["system"] for n in ("ccs", "python3", "lua5.4")}
    cell = lambda n: f"{cpu[n] * 1000:.0f} ms ({wall[n] * 1000:.0f} ms)"
    rows.append(f"| {describe[p]} | {cell('ccs')} | {cell('python3')} | {cell('lua5.4')} "
                f"| {cpu['python3'] / cpu['ccs']:.2f}× | {cpu['lua5.4'] / cpu['ccs']:.2f}× "
                f"| {'met' if cpu['python3'] > cpu['ccs'] else 'not met'} |")
    met_all.append(cpu["python3"] > cpu["ccs"])
load = os.getloadavg()[0]
slower = met_all.count(False)
verdict = "met" if slower == 0 else f"not met ({slower} of {len(met_all)} programs slower)"
section = f"""## Language

Measured by `scripts/bench-language.sh`: the programs in `scripts/bench/` (`.ccs`, `.py`,
`.lua`, the same algorithm in each), {runs} runs each after a warm-up, by hyperfine, ccs from
a release build, {python_version}, Lua 5.4. Each cell is the CPU time (user + system, mean
of the runs) and, in parentheses, the median wall-clock time. The machine is shared (load
average {load:.1f} during the run), so wall-clock times include waiting for a core; the
ratios compare CPU times. "vs" columns are speed-ups of ccs: above 1.00× ccs is faster.

Target: ccs faster than CPython on every program (Lua 5.4 is the bar to approach) —
**{verdict}**.

| program | ccs | python3 | lua5.4 | ccs vs python3 | ccs vs lua5.4 | target: faster than CPython |
|---------|-----|---------|--------|----------------|---------------|-----------------------------|
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
