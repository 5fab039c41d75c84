"""A long job that Ctrl-C can stop cleanly (boto3 version)."""
import argparse
import json
import signal
import sys
import time

import boto3

parser = argparse.ArgumentParser(description="Create queues slowly, cleaning up when stopped.")
parser.add_argument("--prefix", default="job-")
parser.add_argument("--count", type=int, default=100)
parser.add_argument("--pause", type=float, default=0.5)
parser.add_argument("--keep", action="store_true")
options = parser.parse_args()


def on_term(signum, frame):
    raise KeyboardInterrupt


signal.signal(signal.SIGTERM, on_term)
client = boto3.client("cloudcontrol")
waiter = client.get_waiter("resource_request_success")
made = []
finished = False
status = 0
try:
    for i in range(options.count):
        request = client.create_resource(TypeName="AWS::SQS::Queue",
                                         DesiredState=json.dumps({"QueueName": f"{options.prefix}{i:04}"}))
        token = request["ProgressEvent"]["RequestToken"]
        waiter.wait(RequestToken=token)
        made.append(client.get_resource_request_status(RequestToken=token)["ProgressEvent"]["Identifier"])
        print(f"created {len(made):>4}/{options.count}", file=sys.stderr)
        time.sleep(options.pause)
    finished = True
except KeyboardInterrupt:
    status = 130
finally:
    if not (finished and options.keep):
        tokens = [client.delete_resource(TypeName="AWS::SQS::Queue", Identifier=i)["ProgressEvent"]["RequestToken"]
                  for i in made]
        for token in tokens:
            waiter.wait(RequestToken=token)
        print(f"cleaned up {len(made)} queue(s)")
sys.exit(status)
