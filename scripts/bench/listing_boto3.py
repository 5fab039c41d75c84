"""Counts the resources of a type through boto3's ListResources paginator: the baseline of
scripts/bench-listing.sh. usage: listing_boto3.py TYPE (endpoint from AWS_ENDPOINT_URL)"""
import os
import sys

import boto3

client = boto3.client("cloudcontrol", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
total = 0
for page in client.get_paginator("list_resources").paginate(TypeName=sys.argv[1]):
    total += len(page["ResourceDescriptions"])
print(total)
