#!/usr/bin/env bash
# JSON and JSONPath benchmarks: ccs (release build; a ccs script using parse_json/query, and
# `ccs query`) against CPython 3.11's json module, jsonpath-ng and hand-written Python loops,
# medians by hyperfine, written to the "JSON and JSONPath" section of docs/BENCHMARKS.md.
# usage: scripts/bench-json.sh [RUNS]   (RUNS defaults to 5; jsonpath-ng rows use at most 3)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench/require-tools.sh
bench_require hyperfine:hyperfine
bench_use_real_executables

runs=${1:-5}
slow_runs=$((runs < 3 ? runs : 3))
work=$(mktemp -d /tmp/ccs-bench-json.XXXXXX)
trap 'rm -rf "$work"' EXIT

swift build -c release --product ccs >/dev/null
ccs="$(swift build -c release --show-bin-path)/ccs"
python=${PYTHON:-python3}

decode_docs=69000
filter_docs=100000
"$python" scripts/bench/gen_properties.py "$work/data-decode.json" "$decode_docs"
"$python" scripts/bench/gen_properties.py "$work/data-filter.json" "$filter_docs"
"$python" - "$work" "$runs" "$decode_docs" "$filter_docs" <<'PY'
import json, os, sys
work, runs, decode_docs, filter_docs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
size = lambda name: round(os.path.getsize(os.path.join(work, name)) / 1e6)
meta = {"runs": runs, "decode_docs": f"{decode_docs:,}", "filter_docs": f"{filter_docs:,}",
        "decode_mb": size("data-decode.json"), "filter_mb": size("data-filter.json")}
open(os.path.join(work, "meta.json"), "w").write(json.dumps(meta))
PY

buckets="\$[?@.TypeName == 'AWS::S3::Bucket' && @.Properties.VersioningConfiguration.Status == 'Enabled'].Properties.BucketName"
buckets_ng="\$[?(@.TypeName == 'AWS::S3::Bucket' & @.Properties.VersioningConfiguration.Status == 'Enabled')].Properties.BucketName"
tags="\$[*].Properties.Tags[?@.Key == 'team'].Value"
tags_ng="\$[*].Properties.Tags[?(@.Key == 'team')].Value"

# The same answers first: a benchmark of wrong results measures nothing.
for which in buckets tags; do
    if [[ $which == buckets ]]; then query=$buckets; else query=$tags; fi
    "$ccs" query "$query" "$work/data-filter.json" > "$work/ccs.out"
    "$ccs" scripts/bench/jsonpath_query.ccs "$work/data-filter.json" "$query" > "$work/script.out"
    "$python" scripts/bench/jsonpath_loop.py "$work/data-filter.json" "$which" > "$work/py.out"
    "$python" -c 'import json,sys; a,b,c=(json.load(open(p)) for p in sys.argv[1:]); sys.exit(not (a == b == c))' \
        "$work/ccs.out" "$work/script.out" "$work/py.out" || { echo "ccs and Python disagree on $which" >&2; exit 1; }
done

hf() { hyperfine --style basic --warmup 1 "$@"; }
hf --runs "$runs" --export-json "$work/decode.json.out" \
    -n "ccs script" "'$ccs' scripts/bench/json_decode.ccs '$work/data-decode.json'" \
    -n "ccs query" "'$ccs' query '\$.none' '$work/data-decode.json'" \
    -n json.loads "$python scripts/bench/json_decode.py '$work/data-decode.json'"
hf --runs "$runs" --export-json "$work/decode100k.json.out" \
    -n "ccs script" "'$ccs' scripts/bench/json_decode.ccs '$work/data-filter.json'" \
    -n "ccs query" "'$ccs' query '\$.none' '$work/data-filter.json'" \
    -n json.loads "$python scripts/bench/json_decode.py '$work/data-filter.json'"
for which in buckets tags; do
    if [[ $which == buckets ]]; then query=$buckets; ng=$buckets_ng; else query=$tags; ng=$tags_ng; fi
    hf --runs "$slow_runs" --export-json "$work/$which.json.out" \
        -n "ccs script" "'$ccs' scripts/bench/jsonpath_query.ccs '$work/data-filter.json' \"$query\"" \
        -n "ccs query" "'$ccs' query \"$query\" '$work/data-filter.json'" \
        -n "json + loop" "$python scripts/bench/jsonpath_loop.py '$work/data-filter.json' $which" \
        -n "jsonpath-ng" "$python scripts/bench/jsonpath_ng_query.py '$work/data-filter.json' \"$ng\""
done
for key in decode decode100k buckets tags; do mv "$work/$key.json.out" "$work/$key.json"; done

note="Machine: $(nproc) cores shared with other work, $(uname -sr), $("$python" --version), \
$(swift --version 2>&1 | head -1 | sed 's/ (.*//'), measured $(date -u +%Y-%m-%d)."
"$python" scripts/bench/report_json.py docs/BENCHMARKS.md "$work" "$note"
sed -n '/^## JSON and JSONPath/,/^## Emulator/p' docs/BENCHMARKS.md
