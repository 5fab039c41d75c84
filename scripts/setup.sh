#!/usr/bin/env bash
# First command for a fresh machine: installs what is missing, builds ccs (release), and runs
# the tour on the embedded emulator (no AWS account, no network).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
swift build -c release --product ccs
bin="$(swift build -c release --show-bin-path)/ccs"
echo "built $bin"

# The tour runs against a throw-away emulator database, so it can be run again and again.
tour_db="$(mktemp -d)/tour.sqlite"
trap 'rm -rf "$(dirname "$tour_db")"' EXIT
if [[ -f scripts/tour.ccs ]]; then
    "$bin" --local="$tour_db" scripts/tour.ccs
else
    bash scripts/tour-api.sh "$bin" "$tour_db"
fi
