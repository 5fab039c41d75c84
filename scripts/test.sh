#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, builds, runs `swift test` and the
# Python suites under Tests/python. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
swift build
swift_status=0
swift test || swift_status=$?

python_status=0
if compgen -G "Tests/python/test_*.py" >/dev/null; then
    CCS_BIN="$(swift build --show-bin-path)/ccs" python3 -m pytest -q Tests/python || python_status=$?
fi

if ((swift_status != 0 || python_status != 0)); then
    echo "test suite failed (swift: $swift_status, python: $python_status)" >&2
    exit 1
fi
