"""Drift report: live properties vs the desired state in a JSON file (boto3 version)."""
import argparse
import json
import sys

import boto3

parser = argparse.ArgumentParser(description="Report drift between a desired-state file and the live resources.")
parser.add_argument("file")
parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
options = parser.parse_args()

client = boto3.client("cloudcontrol")
with open(options.file) as f:
    desired = json.load(f)
rows = []
for want in desired["resources"]:
    try:
        live = client.get_resource(TypeName=want["type"], Identifier=want["id"])
    except client.exceptions.ResourceNotFoundException:
        rows.append({"type": want["type"], "id": want["id"], "drift": "missing"})
        continue
    props = json.loads(live["ResourceDescription"]["Properties"])
    for key, value in want["properties"].items():
        if key not in props:
            rows.append({"type": want["type"], "id": want["id"], "drift": f"add /{key} -> {json.dumps(value)}"})
        elif props[key] != value:
            rows.append({"type": want["type"], "id": want["id"], "drift": f"replace /{key} -> {json.dumps(value)}"})
if options.json:
    print(json.dumps(rows, indent=2))
else:
    widths = {c: max([len(c)] + [len(r[c]) for r in rows]) for c in ("type", "id", "drift")}
    print("  ".join(c.ljust(widths[c]) for c in widths).rstrip())
    print("  ".join("-" * widths[c] for c in widths))
    for r in rows:
        print("  ".join(r[c].ljust(widths[c]) for c in widths).rstrip())
sys.exit(3 if rows else 0)
