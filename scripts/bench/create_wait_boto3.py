"""Creates N AWS::Logs::LogGroup resources named PREFIX-0 … PREFIX-(N-1) with boto3, one
create_resource call after the other, then waits for each with botocore's
`resource_request_success` waiter: in turn (the way the waiter is usually used), or with
--threads T from a thread pool of T workers. Prints the seconds spent creating and waiting.
usage: create_wait_boto3.py PREFIX N [--threads T]   (endpoint from AWS_ENDPOINT_URL)"""
import argparse
import json
import time
from concurrent.futures import ThreadPoolExecutor

import boto3

TYPE = "AWS::Logs::LogGroup"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("prefix")
    parser.add_argument("count", type=int)
    parser.add_argument("--threads", type=int, default=0)
    options = parser.parse_args()
    start = time.perf_counter()
    client = boto3.client("cloudcontrol", region_name="us-east-1")
    tokens = [
        client.create_resource(TypeName=TYPE, DesiredState=json.dumps({"LogGroupName": f"{options.prefix}-{i}"}))
        ["ProgressEvent"]["RequestToken"]
        for i in range(options.count)
    ]
    created = time.perf_counter()
    waiter = client.get_waiter("resource_request_success")
    if options.threads:
        with ThreadPoolExecutor(options.threads) as pool:
            list(pool.map(lambda token: waiter.wait(RequestToken=token), tokens))
    else:
        for token in tokens:
            waiter.wait(RequestToken=token)
    done = time.perf_counter()
    print(created - start, done - created)


if __name__ == "__main__":
    main()
