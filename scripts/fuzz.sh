#!/usr/bin/env bash
# Builds and runs the libFuzzer harnesses under Fuzz/ (see docs/FUZZING.md).
#
#   scripts/fuzz.sh TARGET [SECONDS]   fuzz one target (default 600 s), then minimise its corpus
#   scripts/fuzz.sh all [SECONDS]      every target, one after the other
#   scripts/fuzz.sh merge TARGET       minimise fuzz-out/TARGET/corpus into the committed corpus
#   scripts/fuzz.sh seed               rebuild the seed corpora from the fixtures under Tests/
#   scripts/fuzz.sh list               the target names
#
# Targets are built into .build-fuzz with -sanitize=fuzzer,address; they exist in Package.swift
# only when CCS_FUZZ=1, so the ordinary build never needs libFuzzer. The fuzzer reads and grows
# a scratch corpus in fuzz-out/TARGET/ (not committed) plus the committed one in
# Tests/FuzzCorpus/TARGET/; at the end both are merged (-set_cover_merge=1 -use_counters=0,
# which keeps only inputs that add edges) back into Tests/FuzzCorpus/TARGET/, unless
# FUZZ_MERGE=0 (scripts/asan.sh: a check leaves the committed corpus alone). Crashes, hangs (-timeout) and
# out-of-memory (-rss_limit_mb) are written to Tests/FuzzCrashers/TARGET/ and stop the run.
# Runs under `nice -n 19`: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(FuzzCCSSource FuzzCCSExec FuzzJSONCodec FuzzJSONPath FuzzWireInput FuzzJSONCore FuzzJSONPatch)
SCRATCH=.build-fuzz
# lld: gold fails on these binaries with an internal error in its DWARF reader.
BUILD_FLAGS=(-c release --scratch-path "$SCRATCH"
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing
    -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld)

usage() {
    echo "usage: scripts/fuzz.sh TARGET|all [SECONDS] | merge TARGET | seed | list" >&2
    echo "targets: ${TARGETS[*]}" >&2
    exit 2
}

# The longest input each target gets: long enough for real scripts and documents, short
# enough that every execution stays fast. -len_control=10 lets libFuzzer reach it within a
# 10-minute run (with the default 100 the slow front-end target stayed under 90 bytes).
max_len() {
    case "$1" in
        FuzzCCSSource | FuzzCCSExec) echo 4096 ;;
        FuzzJSONPath) echo 512 ;;
        *) echo 2048 ;;
    esac
}

# 1 when LeakSanitizer should check the target, 0 for FuzzCCSExec: a script that defines a
# function leaks its module frame and syntax tree (the frame holds the function, the function
# captures the frame: a reference cycle the interpreter never breaks, harmless in a process
# that runs one script), and one that keeps a lazy sequence leaks its whole interpreter, so
# nearly every input would stop the run as a "leak" (docs/FUZZING.md).
detect_leaks() {
    case "$1" in
        FuzzCCSExec) echo 0 ;;
        *) echo 1 ;;
    esac
}

build() {
    CCS_FUZZ=1 nice -n 19 swift build "${BUILD_FLAGS[@]}" --product "$1" 2>&1 \
        | grep -v "Cannot export local symbol" || true
    test -x "$SCRATCH/release/$1" || { echo "build of $1 failed" >&2; exit 1; }
}

run() {
    local target=$1 seconds=$2
    local corpus=Tests/FuzzCorpus/$target crashers=Tests/FuzzCrashers/$target
    local scratch=fuzz-out/$target
    mkdir -p "$corpus" "$crashers" "$scratch/corpus"
    build "$target"
    local binary=$SCRATCH/release/$target
    echo "fuzzing $target for ${seconds}s (log: $scratch/log.txt)"
    local status=0
    ASAN_OPTIONS=detect_leaks=$(detect_leaks "$target"):allocator_may_return_null=1 nice -n 19 "$binary" \
        -max_total_time="$seconds" -max_len="$(max_len "$target")" -len_control=10 \
        -timeout=10 -rss_limit_mb=2048 -detect_leaks="$(detect_leaks "$target")" \
        -artifact_prefix="$crashers/" -print_final_stats=1 -print_pcs=0 \
        "$scratch/corpus" "$corpus" >"$scratch/log.txt" 2>&1 || status=$?
    grep -E "^(#[0-9]+ +DONE|stat::|Done )" "$scratch/log.txt" || true
    if ((status != 0)); then
        echo "$target: the fuzzer stopped with status $status; see $scratch/log.txt and $crashers/" >&2
        grep -E "ERROR|error|Fatal|Precondition|==[0-9]+==" "$scratch/log.txt" | head -5 >&2 || true
        return "$status"
    fi
    if [[ ${FUZZ_MERGE:-1} == 1 ]]; then minimise "$target"; fi
}

# Replaces the committed corpus by a small set of inputs reaching every edge that both corpora
# reach: -set_cover_merge is a greedy set cover, and -use_counters=0 makes it cover edges rather
# than hit-count buckets (FuzzJSONCodec: 153 files instead of 1,461, same 1,097 edges).
minimise() {
    local target=$1 corpus=Tests/FuzzCorpus/$1 scratch=fuzz-out/$1
    rm -rf "$scratch/merged" && mkdir -p "$scratch/merged"
    ASAN_OPTIONS=detect_leaks=$(detect_leaks "$target") nice -n 19 "$SCRATCH/release/$target" \
        -set_cover_merge=1 -use_counters=0 -max_len="$(max_len "$target")" -timeout=10 \
        -rss_limit_mb=2048 -detect_leaks="$(detect_leaks "$target")" "$scratch/merged" "$corpus" "$scratch/corpus" >"$scratch/merge.txt" 2>&1
    rm -rf "$corpus" && mv "$scratch/merged" "$corpus"
    echo "$target: corpus minimised to $(find "$corpus" -type f | wc -l) files"
}

# Seed corpora from the fixtures and examples already in the repository.
seed() {
    local out=Tests/FuzzCorpus
    mkdir -p "$out"/{FuzzCCSSource,FuzzCCSExec,FuzzJSONCodec,FuzzJSONPath,FuzzWireInput,FuzzJSONCore,FuzzJSONPatch}
    find . -name '*.ccs' -not -path './.build*' -not -path './fuzz-out/*' -size -4k \
        -exec cp {} "$out/FuzzCCSSource/" \;
    # Programs that run: the golden scripts (their built-ins are all pure) and the
    # benchmarks' loops, which the per-run budget of FuzzCCSExec cuts short.
    find Tests/CCSLanguageTests/Fixtures/golden scripts/bench -name '*.ccs' -size -4k \
        -exec cp {} "$out/FuzzCCSExec/" \;
    # JSONTestSuite's parsing cases (y_, n_ and i_), the small ones.
    find Tests/JSONCoreTests/Fixtures/JSONTestSuite/test_parsing -name '*.json' -size -2k \
        -exec cp {} "$out/FuzzJSONCore/" \; -exec cp {} "$out/FuzzJSONCodec/" \;
    python3 - "$out" <<'PY'
import json, sys, hashlib, pathlib
out = pathlib.Path(sys.argv[1])
def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    (out / target / hashlib.sha1(data).hexdigest()).write_bytes(data)
# RFC 9535 compliance suite: every selector, valid or not.
for case in json.load(open("Tests/CCSLanguageTests/Fixtures/jsonpath/cts.json"))["tests"]:
    put("FuzzJSONPath", case["selector"])
# JSON Patch tests: every patch document.
for name in ("tests.json", "spec_tests.json"):
    for case in json.load(open("Tests/JSONCoreTests/Fixtures/JSONPatchTests/" + name)):
        if "patch" in case:
            put("FuzzJSONPatch", json.dumps(case["patch"]))
# awsJson1_0 bodies: first byte = operation index (see Fuzz/FuzzWireInput), then the body.
bodies = [
    (0, {"TypeName": "AWS::Logs::LogGroup", "DesiredState": "{\"LogGroupName\":\"g\"}", "ClientToken": "t-1"}),
    (0, {"TypeName": "AWS::S3::Bucket", "TypeVersionId": "v1", "RoleArn": "arn:aws:iam::123456789012:role/r", "DesiredState": "{}"}),
    (1, {"TypeName": "AWS::Logs::LogGroup", "Identifier": "g"}),
    (2, {"TypeName": "AWS::Logs::LogGroup", "Identifier": "g", "PatchDocument": "[{\"op\":\"replace\",\"path\":\"/RetentionInDays\",\"value\":30}]", "ClientToken": "t"}),
    (3, {"TypeName": "AWS::Logs::LogGroup", "Identifier": "g"}),
    (4, {"TypeName": "AWS::Logs::LogGroup", "MaxResults": 20, "NextToken": "abc", "ResourceModel": "{\"ClusterName\":\"c\"}"}),
    (5, {"RequestToken": "11111111-2222-3333-4444-555555555555"}),
    (6, {"RequestToken": "11111111-2222-3333-4444-555555555555"}),
    (7, {"MaxResults": 10, "ResourceRequestStatusFilter": {"Operations": ["CREATE", "DELETE"], "OperationStatuses": ["SUCCESS", "FAILED"]}}),
    (7, {}),
]
for op, body in bodies:
    put("FuzzWireInput", bytes([op]) + json.dumps(body).encode())
PY
    # The language's own examples (docs/LANGUAGE.md once it exists is a better source).
    python3 - "$out" <<'PY'
import hashlib, pathlib, sys
snippets = [
    'let name = "logs-${env("USER")}"\nprint(name)\n',
    'fn fib(n) { if n < 2 { return n } return fib(n - 1) + fib(n - 2) }\nprint(fib(10))\n',
    'let m = {a: 1, b: [1, 2.5, "x", null, true]}\nfor k in keys(m) { print(k) }\n',
    'try { throw "x" } catch e { print(e) }\n',
    'let xs = [1, 2, 3] | take(2)\nwhile false { break }\n',
    'let s = "a\\n\\t\\u{1F600}${1 + 2}"\nlet t = s.starts_with("a")\n',
    'import "tags"\n',
    '# comment\nlet x = -1.5e3 % 2 == 0 and not (1 != 2) or 3 <= 4\n',
]
for s in snippets:
    for target in ("FuzzCCSSource", "FuzzCCSExec"):
        (pathlib.Path(sys.argv[1]) / target / hashlib.sha1(s.encode()).hexdigest()).write_bytes(s.encode())
PY
    for target in "${TARGETS[@]}"; do
        echo "$target: $(find "$out/$target" -type f | wc -l) seed files"
    done
}

case "${1:-}" in
    list) printf '%s\n' "${TARGETS[@]}" ;;
    seed) seed ;;
    merge)
        [[ " ${TARGETS[*]} " == *" ${2:-} "* ]] || usage
        build "$2"
        minimise "$2"
        ;;
    all)
        for target in "${TARGETS[@]}"; do run "$target" "${2:-600}"; done
        ;;
    "") usage ;;
    *)
        [[ " ${TARGETS[*]} " == *" $1 "* ]] || usage
        run "$1" "${2:-600}"
        ;;
esac
