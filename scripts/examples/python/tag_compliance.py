"""Tag compliance to CSV (boto3 version)."""
import argparse
import csv
import json
import sys

import boto3

parser = argparse.ArgumentParser(description="Write a tag compliance report as CSV.")
parser.add_argument("types", nargs="+")
parser.add_argument("--require", action="append", default=[])
parser.add_argument("--out", default="-")
options = parser.parse_args()

client = boto3.client("cloudcontrol")
rows = []
for type_name in options.types:
    for page in client.get_paginator("list_resources").paginate(TypeName=type_name):
        for description in page["ResourceDescriptions"]:
            props = json.loads(description["Properties"])
            found = props.get("Tags") or []
            keys = set(found) if isinstance(found, dict) else {t["Key"] for t in found}
            missing = [k for k in options.require if k not in keys]
            rows.append({"type": type_name, "id": description["Identifier"],
                         "compliant": "true" if not missing else "false", "missing": " ".join(missing)})
rows.sort(key=lambda r: (r["type"], r["id"]))
out = sys.stdout if options.out == "-" else open(options.out, "w", newline="")
writer = csv.DictWriter(out, fieldnames=["type", "id", "compliant", "missing"])
writer.writeheader()
writer.writerows(rows)
bad = sum(1 for r in rows if r["compliant"] == "false")
print(f"{bad} of {len(rows)} resources lack required tags", file=sys.stderr)
sys.exit(1 if bad else 0)
