#!/usr/bin/env python3
"""Regenerates requests.json: requests signed by botocore's SigV4Auth (the reference the
AWS CLI uses), for SigV4VerifierTests to check that the verifier accepts them and that the
signer, given the same headers, produces the same Authorization header.

Run: python3 generate.py > requests.json   (needs the botocore package)
"""
import datetime
import json
from unittest import mock

import botocore
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
NOW = datetime.datetime(2026, 11, 26, 12, 34, 56)

CASES = [
    {
        "name": "list-resources-with-session-token",
        "region": "eu-west-3",
        "token": "FwoGZXIvYXdzEXAMPLE//session+token==",
        "url": "https://cloudcontrolapi.eu-west-3.amazonaws.com/",
        "target": "CloudApiService.ListResources",
        "body": '{"TypeName": "AWS::Logs::LogGroup"}',
    },
    {
        "name": "create-resource-without-token",
        "region": "us-east-1",
        "token": None,
        "url": "https://cloudcontrolapi.us-east-1.amazonaws.com/",
        "target": "CloudApiService.CreateResource",
        "body": '{"TypeName": "AWS::Logs::LogGroup", "DesiredState": "{\\"LogGroupName\\": \\"x y\\"}", '
                '"ClientToken": "5f0c6c1e-0000-4000-8000-000000000000"}',
    },
    {
        "name": "local-emulator-port-and-utf8-body",
        "region": "eu-west-3",
        "token": "local-token",
        "url": "http://127.0.0.1:4566/",
        "target": "CloudApiService.GetResource",
        "body": '{"TypeName": "AWS::S3::Bucket", "Identifier": "caf\u00e9-\u2603"}',
    },
]


def sign(case):
    credentials = Credentials("AKIDEXAMPLE", SECRET, case["token"])
    request = AWSRequest(
        method="POST",
        url=case["url"],
        headers={
            "Content-Type": "application/x-amz-json-1.0",
            "X-Amz-Target": case["target"],
            "User-Agent": "botocore/" + botocore.__version__,
        },
        data=case["body"].encode("utf-8"),
    )
    with mock.patch("botocore.auth.get_current_datetime", return_value=NOW):
        SigV4Auth(credentials, "cloudcontrolapi", case["region"]).add_auth(request)
    prepared = request.prepare()
    host = prepared.url.split("://", 1)[1].split("/", 1)[0]
    headers = [["Host", host]] + [[name, value] for name, value in prepared.headers.items()]
    return {
        "name": case["name"],
        "region": case["region"],
        "service": "cloudcontrolapi",
        "accessKeyId": "AKIDEXAMPLE",
        "secretAccessKey": SECRET,
        "sessionToken": case["token"],
        "timestamp": NOW.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "method": prepared.method,
        "url": prepared.url,
        "headers": headers,
        "body": case["body"],
        "botocoreVersion": botocore.__version__,
    }


print(json.dumps([sign(case) for case in CASES], indent=2, ensure_ascii=False))
