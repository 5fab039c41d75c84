#!/usr/bin/env bash
# The full soak (issue 7, "Faults"): scripts/soak.ccs creates N resources (default 200) of
# five types, patches half and deletes a quarter with wait_all, against `ccs serve` injecting
# throttling (20%), 5xx (5%), dropped connections (5%), FAILED-with-Throttling progress events
# (5%) and NotFound-after-create (10%). Then boto3 (Tests/python/soak_plan.py) checks that
# exactly the planned resources exist, with the planned properties and no request left
# unfinished, and SQLite checks the database. Prints counts, times and the retries seen;
# docs/HARDENING.md records a run.
#
#   scripts/soak.sh [N] [SEED]        (CCS_BIN picks the binary; default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-200}
seed=${2:-7}
latency=${SOAK_LATENCY_MS:-200}
faults="throttle=0.2,5xx=0.05,drop=0.05,failed-throttle=0.05,notfound-after-create=0.1,seed=$seed"
ccs=${CCS_BIN:-$(swift build --show-bin-path)/ccs}
work=$(mktemp -d /tmp/ccs-soak.XXXXXX)
prefix="soak-$(date +%s)"

# Loopback only, the default test credentials, no metadata service, no profile files.
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/nonexistent AWS_SHARED_CREDENTIALS_FILE=/nonexistent
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_ENDPOINT_URL_CLOUDCONTROL
# 30% of calls fail at the HTTP level: 10 attempts leave a call failing for good 6e-6 of the
# time instead of 2.7% with botocore's default 3 (docs/HARDENING.md).
export AWS_MAX_ATTEMPTS=10
export CCS_RUN_ID="$prefix"

"$ccs" serve --verbose --port 0 --db "$work/soak.sqlite" --latency "$latency" --faults "$faults" \
    >"$work/serve.out" 2>"$work/serve.err" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    grep -q "listening on" "$work/serve.out" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/serve.out")
[[ -n "$url" ]] || { echo "ccs serve did not start: $(cat "$work/serve.err")" >&2; exit 1; }

echo "soak: $n resources against $url, faults $faults, latency ${latency} ms"
start=$(date +%s.%N)
status=0
"$ccs" --debug --endpoint-url "$url" scripts/soak.ccs "$n" "$prefix" >"$work/soak.out" 2>"$work/debug.log" || status=$?
end=$(date +%s.%N)
if ((status != 0)); then
    echo "soak.ccs failed with status $status:" >&2
    grep -v '^[<>]' "$work/debug.log" | tail -20 >&2
    exit 1
fi

attempts=$(grep -c '^> POST' "$work/debug.log" || true)
answered=$(grep -c '^< HTTP ' "$work/debug.log" || true)
dropped=$(grep -c '^! ' "$work/debug.log" || true)
retries=$(grep -c 'retrying in' "$work/debug.log" || true)
echo "summary: $(tail -1 "$work/soak.out")"
printf 'wall time: %.1f s\n' "$(echo "$end - $start" | bc)"
echo "client (--debug): $attempts HTTP attempts, $answered answered, $dropped seen dropped, $retries retried by the client"
echo "server (--verbose): $(grep -c '^ccs serve: [A-Za-z]* ' "$work/serve.err") requests received; by outcome:"
# libcurl re-sends a request at once when a reused keep-alive connection closes without an
# answer, so most injected drops show here but not as client retries (same signed request,
# same ClientToken: the server returns the request it already made).
awk '$1 == "ccs" && $2 == "serve:" && NF >= 5 {print $4 ($5 ~ /Exception$/ ? " " $5 : "")}' "$work/serve.err" \
    | sort | uniq -c | awk '{c = $1; $1 = ""; print "  " substr($0, 2) ": " c}'

checked=0
python3 Tests/python/soak_plan.py "$url" "$n" "$prefix" || checked=$?
kill -TERM "$server"
wait "$server" || true
trap - EXIT
python3 - "$work/soak.sqlite" <<'PY'
import sqlite3, sys
result = sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchall()
print("integrity_check:", result[0][0])
sys.exit(0 if result == [("ok",)] else 1)
PY
rm -rf "$work"
exit "$checked"
