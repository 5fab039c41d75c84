"""Bulk copy with throttling: copy log groups with a prefix to new names (boto3 version)."""
import argparse
import json
import time

import boto3

parser = argparse.ArgumentParser(description="Copy log groups to new names, throttled.")
parser.add_argument("--from", dest="source", required=True)
parser.add_argument("--to", dest="target", required=True)
parser.add_argument("--batch", type=int, default=5)
parser.add_argument("--pause", type=float, default=1)
options = parser.parse_args()

client = boto3.client("cloudcontrol")
sources = []
for page in client.get_paginator("list_resources").paginate(TypeName="AWS::Logs::LogGroup"):
    for description in page["ResourceDescriptions"]:
        if description["Identifier"].startswith(options.source):
            sources.append(description)
waiter = client.get_waiter("resource_request_success")
done = 0
for start in range(0, len(sources), options.batch):
    if start > 0:
        time.sleep(options.pause)
    batch = sources[start:start + options.batch]
    tokens = []
    for description in batch:
        props = json.loads(description["Properties"])
        props["LogGroupName"] = options.target + description["Identifier"][len(options.source):]
        props.pop("Arn", None)
        request = client.create_resource(TypeName="AWS::Logs::LogGroup", DesiredState=json.dumps(props))
        tokens.append(request["ProgressEvent"]["RequestToken"])
    for token in tokens:
        waiter.wait(RequestToken=token)
    done += len(batch)
    names = ", ".join(d["Identifier"] for d in batch)
    print(f"copied {done:>3}/{len(sources):<3} {names}")
