"""A shared module: create the team's queues with names and tags from naming.py (boto3 version)."""
import argparse
import json

import boto3

import naming

parser = argparse.ArgumentParser(description="Create queues named by the team's rules.")
parser.add_argument("team")
parser.add_argument("environment")
parser.add_argument("purposes", nargs="+")
options = parser.parse_args()

client = boto3.client("cloudcontrol")
waiter = client.get_waiter("resource_request_success")
tokens = []
for purpose in options.purposes:
    queue = naming.name(options.team, options.environment, purpose)
    desired = {"QueueName": queue, "Tags": naming.tags(options.team, options.environment)}
    request = client.create_resource(TypeName="AWS::SQS::Queue", DesiredState=json.dumps(desired))
    tokens.append(request["ProgressEvent"]["RequestToken"])
for token in tokens:
    waiter.wait(RequestToken=token)
    event = client.get_resource_request_status(RequestToken=token)["ProgressEvent"]
    print(json.dumps(naming.parse(event["Identifier"].split("/")[-1]), separators=(",", ":")))
