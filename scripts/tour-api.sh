#!/usr/bin/env bash
# A tour of `ccs api` on the in-process emulator: create a log group, wait for the request,
# read it back, update it with a JSON Patch, list, delete.
# Usage: scripts/tour-api.sh [CCS_BINARY] [DATABASE]
set -euo pipefail
ccs="${1:-ccs}"
db="${2:-$(mktemp -d)/tour.sqlite}"
api() { "$ccs" --local="$db" api "$@"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

wait_for() { # token
    local status
    for _ in $(seq 1 50); do
        status=$(api GetResourceRequestStatus "{\"RequestToken\": \"$1\"}" | field "['ProgressEvent']['OperationStatus']")
        [[ $status == SUCCESS ]] && return 0
        [[ $status == FAILED || $status == CANCEL_COMPLETE ]] && { echo "request $1 ended $status" >&2; return 1; }
        sleep 0.2
    done
    echo "request $1 did not finish" >&2; return 1
}

echo "== CreateResource AWS::Logs::LogGroup tour-logs"
token=$(api CreateResource '{"TypeName": "AWS::Logs::LogGroup", "DesiredState": "{\"LogGroupName\": \"tour-logs\", \"RetentionInDays\": 7}"}' | tee /dev/stderr | field "['ProgressEvent']['RequestToken']")
wait_for "$token"
echo "== GetResource"
api GetResource '{"TypeName": "AWS::Logs::LogGroup", "Identifier": "tour-logs"}'
echo "== UpdateResource (JSON Patch: RetentionInDays 7 -> 30)"
token=$(api UpdateResource '{"TypeName": "AWS::Logs::LogGroup", "Identifier": "tour-logs", "PatchDocument": "[{\"op\": \"replace\", \"path\": \"/RetentionInDays\", \"value\": 30}]"}' | field "['ProgressEvent']['RequestToken']")
wait_for "$token"
echo "== ListResources"
api ListResources '{"TypeName": "AWS::Logs::LogGroup"}' --paginate
echo "== DeleteResource"
token=$(api DeleteResource '{"TypeName": "AWS::Logs::LogGroup", "Identifier": "tour-logs"}' | field "['ProgressEvent']['RequestToken']")
wait_for "$token"
echo "== ListResourceRequests"
api ListResourceRequests '{}' --paginate
