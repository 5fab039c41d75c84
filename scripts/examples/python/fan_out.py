"""Multi-region fan-out: count the queues in several regions at once (boto3 version)."""
import argparse
import sys
from concurrent.futures import ThreadPoolExecutor

import boto3

parser = argparse.ArgumentParser(description="Count queues per region.")
parser.add_argument("--regions", default="us-east-1,eu-west-1")
options = parser.parse_args()


def count(region):
    client = boto3.client("cloudcontrol", region_name=region)
    try:
        total = 0
        for page in client.get_paginator("list_resources").paginate(TypeName="AWS::SQS::Queue"):
            total += len(page["ResourceDescriptions"])
        return {"region": region, "queues": total, "error": ""}
    except Exception as error:
        return {"region": region, "queues": None, "error": str(error).splitlines()[0]}


regions = [r.strip() for r in options.regions.split(",") if r.strip()]
with ThreadPoolExecutor() as pool:
    rows = list(pool.map(count, regions))
rows.sort(key=lambda r: (r["queues"] if r["queues"] is not None else -1, r["region"]), reverse=True)
print(f"{'region':<12}  {'queues':>6}  error")
print(f"{'-' * 12}  {'-' * 6}  -----")
for r in rows:
    queues = "" if r["queues"] is None else str(r["queues"])
    print(f"{r['region']:<12}  {queues:>6}  {r['error']}".rstrip())
sys.exit(1 if any(r["error"] for r in rows) else 0)
