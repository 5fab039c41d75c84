"""GetResource of every identifier listed in a file, with boto3, serially or with a
ThreadPoolExecutor: the boto3 side of scripts/bench-fanout.sh.
usage: fanout_boto3.py TYPE IDS_FILE THREADS   (THREADS 1 means a plain loop)"""

import os
import sys
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

type_name, ids_file, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
ids = open(ids_file).read().split()
# One client shared by the threads, as boto3's documentation allows for clients; its pool is
# sized to the threads so none waits for a connection.
client = boto3.client("cloudcontrol", endpoint_url=os.environ["AWS_ENDPOINT_URL"],
                      config=Config(max_pool_connections=max(10, threads)))


def get(identifier):
    return client.get_resource(TypeName=type_name, Identifier=identifier)["ResourceDescription"]["Identifier"]


if threads == 1:
    got = [get(i) for i in ids]
else:
    with ThreadPoolExecutor(threads) as pool:
        got = list(pool.map(get, ids))
assert got == ids, "boto3 read other resources than asked"
print(len(got))
