#!/usr/bin/env python3
"""Writes a JSON array of Cloud Control-like resource descriptions for the JSON and JSONPath
benchmarks: each element is {"TypeName", "Identifier", "Properties"} with the kinds of
Properties the service returns (tags, ARNs, nested configuration, numbers, booleans, a few
non-ASCII strings and escapes). Deterministic (fixed seed).

usage: gen_properties.py OUTPUT [COUNT]   (COUNT defaults to 100000, about 50 MB)
"""
import json
import random
import sys

TYPES = ["AWS::S3::Bucket", "AWS::Logs::LogGroup", "AWS::SQS::Queue", "AWS::Lambda::Function",
         "AWS::EC2::SecurityGroup", "AWS::DynamoDB::Table"]
TEAMS = ["platform", "data", "web", "payments", "search", "équipe-ops"]
REGIONS = ["us-east-1", "eu-west-3", "ap-southeast-2"]


def tags(rng):
    result = [{"Key": "team", "Value": rng.choice(TEAMS)},
              {"Key": "env", "Value": rng.choice(["dev", "staging", "prod"])}]
    for i in range(rng.randint(0, 4)):
        result.append({"Key": f"cost-center-{i}", "Value": str(rng.randint(1000, 9999))})
    rng.shuffle(result)
    return result


def properties(rng, kind, n):
    region = rng.choice(REGIONS)
    account = f"{rng.randint(10**11, 10**12 - 1)}"
    name = f"{kind.split('::')[2].lower()}-{n:06d}"
    common = {"Arn": f"arn:aws:{kind.split('::')[1].lower()}:{region}:{account}:{name}", "Tags": tags(rng)}
    if kind == "AWS::S3::Bucket":
        return {"BucketName": name, **common,
                "VersioningConfiguration": {"Status": rng.choice(["Enabled", "Suspended"])},
                "BucketEncryption": {"ServerSideEncryptionConfiguration": [
                    {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": f"alias/{name}"},
                     "BucketKeyEnabled": rng.random() < 0.5}]},
                "PublicAccessBlockConfiguration": {"BlockPublicAcls": True, "BlockPublicPolicy": True,
                                                   "IgnorePublicAcls": True, "RestrictPublicBuckets": rng.random() < 0.9},
                "LifecycleConfiguration": {"Rules": [{"Id": "expire", "Status": "Enabled",
                                                      "ExpirationInDays": rng.choice([30, 90, 365])}]}}
    if kind == "AWS::Logs::LogGroup":
        return {"LogGroupName": f"/aws/lambda/{name}", **common, "RetentionInDays": rng.choice([7, 14, 30, 90]),
                "DataProtectionPolicy": {"Name": "policy", "Version": "2021-06-01",
                                         "Statement": [{"Sid": "audit", "DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/EmailAddress"]}]}}
    if kind == "AWS::SQS::Queue":
        return {"QueueName": name, **common, "QueueUrl": f"https://sqs.{region}.amazonaws.com/{account}/{name}",
                "VisibilityTimeout": rng.randint(0, 43200), "MessageRetentionPeriod": 345600,
                "DelaySeconds": 0, "FifoQueue": rng.random() < 0.2, "SqsManagedSseEnabled": True,
                "RedrivePolicy": {"deadLetterTargetArn": f"arn:aws:sqs:{region}:{account}:{name}-dlq", "maxReceiveCount": 5}}
    if kind == "AWS::Lambda::Function":
        return {"FunctionName": name, **common, "Runtime": rng.choice(["python3.12", "nodejs20.x", "provided.al2023"]),
                "Handler": "index.handler", "MemorySize": rng.choice([128, 256, 512, 1024]), "Timeout": rng.randint(3, 900),
                "Role": f"arn:aws:iam::{account}:role/{name}-role",
                "Environment": {"Variables": {"LOG_LEVEL": "info", "GREETING": "héllo \"world\"\n", "RATIO": "0.25"}},
                "Architectures": ["arm64"], "TracingConfig": {"Mode": "PassThrough"}, "CodeSize": rng.randint(1000, 50_000_000)}
    if kind == "AWS::EC2::SecurityGroup":
        return {"GroupId": f"sg-{rng.getrandbits(64):016x}", "GroupName": name, **common,
                "GroupDescription": "Managed by ccs — do not edit", "VpcId": f"vpc-{rng.getrandbits(32):08x}",
                "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": port, "ToPort": port, "CidrIp": "10.0.0.0/8"}
                                         for port in rng.sample([22, 80, 443, 5432, 6379, 8080], 3)]}
    return {"TableName": name, **common, "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
            "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": rng.random() < 0.5},
            "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"}, "ReadCapacityUnits": 1.5}


def main():
    output = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    rng = random.Random(9535)
    with open(output, "w", encoding="utf-8") as out:
        out.write("[")
        for n in range(count):
            kind = TYPES[n % len(TYPES)]
            props = properties(rng, kind, n)
            identifier = props.get("BucketName") or props.get("LogGroupName") or props.get("QueueUrl") \
                or props.get("FunctionName") or props.get("GroupId") or props.get("TableName")
            doc = {"TypeName": kind, "Identifier": identifier, "Properties": props}
            out.write(("," if n else "") + "\n" + json.dumps(doc, ensure_ascii=False))
        out.write("\n]\n")


if __name__ == "__main__":
    main()
