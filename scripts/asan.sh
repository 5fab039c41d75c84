#!/usr/bin/env bash
# Runs ccs under the sanitizers (docs/FUZZING.md, "scripts/asan.sh"):
#
#   1. AddressSanitizer, release build (.build-asan): the Swift tests (the language's golden
#      suite and every other test target but ccsTests) and the stdlib tests
#      (Tests/python/test_stdlib_scripts.py, which drives the ASan-built `ccs` and `ccs serve`).
#   2. The executing fuzz target FuzzCCSExec (libFuzzer + ASan, .build-fuzz) for
#      ASAN_FUZZ_SECONDS (default 600), then the front-end target FuzzCCSSource for
#      ASAN_SOURCE_FUZZ_SECONDS (default 60).
#   3. ThreadSanitizer, debug build (.build-tsan): the test targets with code that runs
#      threads against each other: the emulator's SwiftNIO server and its engine, the client's
#      transport, credential cache, retry quota and waiter, scripts talking to a server over
#      loopback, Ctrl-C while a script waits, the SigV4 key cache (about 400 tests).
#
# Needs the Swift toolchain (it ships the sanitizer runtimes, libFuzzer and lld) and what
# scripts/install-deps.sh installs, which it runs first.
# Exits non-zero on any test failure, fuzzer finding or sanitizer report, after a summary.
# Overrides: ASAN_FUZZ_SECONDS, ASAN_SOURCE_FUZZ_SECONDS, ASAN_TEST_FILTER, ASAN_PYTHON_TESTS,
# TSAN_TEST_FILTER; ASAN_SKIP="fuzz tsan" (any of asan, fuzz, tsan) leaves steps out.
#
# Release for ASan: the optimiser drops retains that a debug build keeps, which is exactly
# when an unretained reference to a freed node or frame shows up (a DEBUG build's
# `Unretained` is a checked weak reference, not an unretained one). Debug for TSan: races do
# not depend on the optimiser and the debug build is the quicker one to get.
# Sanitizer reports go to files (log_path) under .build-asan/reports, so that a report in a
# child process (`ccs` run by pytest, `ccs serve`) counts even when its test does not look
# at stderr or at the exit status.
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS=${ASAN_FUZZ_SECONDS:-600}
SOURCE_FUZZ_SECONDS=${ASAN_SOURCE_FUZZ_SECONDS:-60}
# Every test target but ccsTests, which runs .build/debug/ccs rather than this build's.
ASAN_FILTER=${ASAN_TEST_FILTER:-'CCSLanguageTests|JSONCoreTests|SigV4Tests|CloudControlTests|CloudControlLocalTests|CloudControlServerTests|CCSCloudTests|CCSReplTests'}
PYTHON_TESTS=${ASAN_PYTHON_TESTS:-Tests/python/test_stdlib_scripts.py}
TSAN_FILTER=${TSAN_TEST_FILTER:-'CloudControlServerTests|CloudControlLocalTests|CloudControlTests|CCSCloudTests|CCSReplTests|SigV4Tests'}
SKIP=" ${ASAN_SKIP:-} "

REPORTS=$PWD/.build-asan/reports
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
# Leak checking is off: leaks are not memory errors, and scripts leak reference cycles
# between module frames and their closures today (docs/FUZZING.md, finding 4).
export ASAN_OPTIONS="log_path=$REPORTS/asan:detect_leaks=0:abort_on_error=0:strict_string_checks=1"
export TSAN_OPTIONS="log_path=$REPORTS/tsan:halt_on_error=0:second_deadlock_stack=1"

bash scripts/install-deps.sh

declare -a SUMMARY=()
failed=0
step() { # step NAME STATUS DETAIL
    local verdict=ok
    if (($2 != 0)); then verdict="FAILED ($2)"; failed=1; fi
    SUMMARY+=("$(printf '%-34s %-12s %s' "$1" "$verdict" "$3")")
}
elapsed() { echo "$((SECONDS - $1)) s"; }
# Reports written since the last call, by prefix (asan or tsan); moves them aside so each
# step counts only its own.
reports() {
    local prefix=$1 step=$2 count
    mkdir -p "$REPORTS/$step"
    count=$(find "$REPORTS" -maxdepth 1 -name "$prefix.*" | wc -l)
    find "$REPORTS" -maxdepth 1 -name "$prefix.*" -exec mv {} "$REPORTS/$step/" \;
    echo "$count"
}

# sanitized_tests TOOL FILTER FLAGS...: builds the package and its tests with FLAGS, runs the
# Swift tests matching FILTER, and fails the step on a test failure or on any report TOOL
# (asan or tsan) wrote. Returns non-zero when the build failed.
sanitized_tests() {
    local tool=$1 filter=$2
    shift 2
    local start=$SECONDS status=0 found passed log="$REPORTS/$tool-swift-test.log"
    nice -n 19 swift build "$@" --build-tests 2>&1 | tail -3 || status=$?
    step "$tool: build" "$status" "$(elapsed "$start")"
    ((status == 0)) || return 1
    start=$SECONDS
    nice -n 19 swift test "$@" --skip-build --filter "$filter" >"$log" 2>&1 || status=$?
    tail -3 "$log"
    found=$(reports "$tool" swift-test)
    if ((found > 0 && status == 0)); then status=1; fi
    passed=$(grep -Eo "Test run with [0-9]+ tests?" "$log" | grep -Eo "[0-9]+" | head -1 || echo "?")
    step "$tool: swift test" "$status" "$passed tests, $found ${tool^^} reports, $(elapsed "$start")"
}

# The ASan build: the package and its tests, release, with -enable-testing for @testable.
ASAN_FLAGS=(-c release --scratch-path .build-asan --sanitize=address -Xswiftc -enable-testing)
if [[ $SKIP != *" asan "* ]] && sanitized_tests asan "$ASAN_FILTER" "${ASAN_FLAGS[@]}"; then
    start=$SECONDS
    status=0
    CCS_BIN=$PWD/.build-asan/release/ccs nice -n 19 python3 -m pytest -q $PYTHON_TESTS \
        >"$REPORTS/asan-pytest.log" 2>&1 || status=$?
    tail -3 "$REPORTS/asan-pytest.log"
    found=$(reports asan pytest)
    if ((found > 0 && status == 0)); then status=1; fi
    step "asan: pytest $(basename "$PYTHON_TESTS" .py)" "$status" "$(tail -1 "$REPORTS/asan-pytest.log" | tr -d '='), $found ASan reports, $(elapsed "$start")"
fi

# libFuzzer reports its own findings (ASan aborts the input, libFuzzer writes it to
# Tests/FuzzCrashers/TARGET/ and stops), so log_path is not used here. FUZZ_MERGE=0 leaves
# the committed corpus as it is; the grown one stays in fuzz-out/TARGET/corpus.
fuzz_step() {
    local target=$1 seconds=$2 start=$SECONDS status=0 stats
    ASAN_OPTIONS= FUZZ_MERGE=0 bash scripts/fuzz.sh "$target" "$seconds" || status=$?
    stats=$(grep -Eo "^#[0-9]+[[:space:]]+DONE +cov: [0-9]+ ft: [0-9]+" "fuzz-out/$target/log.txt" \
        | sed -E 's/^#([0-9]+)[[:space:]]+DONE +cov: ([0-9]+) ft: ([0-9]+)/\1 execs, \2 edges, \3 features/' || true)
    step "fuzz: $target ${seconds}s" "$status" "${stats:-no stats}, $(elapsed "$start")"
}
if [[ $SKIP != *" fuzz "* ]]; then
    fuzz_step FuzzCCSExec "$FUZZ_SECONDS"
    if ((SOURCE_FUZZ_SECONDS > 0)); then fuzz_step FuzzCCSSource "$SOURCE_FUZZ_SECONDS"; fi
fi

TSAN_FLAGS=(--scratch-path .build-tsan --sanitize=thread)
if [[ $SKIP != *" tsan "* ]]; then
    sanitized_tests tsan "$TSAN_FILTER" "${TSAN_FLAGS[@]}" || true
fi

echo
echo "scripts/asan.sh summary ($(date -u +%Y-%m-%dT%H:%MZ)); reports in $REPORTS"
printf '  %s\n' "${SUMMARY[@]}"
exit "$failed"
