#!/usr/bin/env python3
"""The benchmark's JSONPath queries written as plain Python loops (the fastest a Python user
would get). usage: jsonpath_loop.py FILE buckets|tags"""
import json
import sys

with open(sys.argv[1], "rb") as source:
    document = json.loads(source.read())

result = []
if sys.argv[2] == "buckets":
    # $[?@.TypeName == 'AWS::S3::Bucket' && @.Properties.VersioningConfiguration.Status == 'Enabled'].Properties.BucketName
    for resource in document:
        if not isinstance(resource, dict) or resource.get("TypeName") != "AWS::S3::Bucket":
            continue
        properties = resource.get("Properties")
        versioning = properties.get("VersioningConfiguration") if isinstance(properties, dict) else None
        if isinstance(versioning, dict) and versioning.get("Status") == "Enabled" and "BucketName" in properties:
            result.append(properties["BucketName"])
else:
    # $[*].Properties.Tags[?@.Key == 'team'].Value
    for resource in document:
        properties = resource.get("Properties") if isinstance(resource, dict) else None
        tags = properties.get("Tags") if isinstance(properties, dict) else None
        if isinstance(tags, list):
            for tag in tags:
                if isinstance(tag, dict) and tag.get("Key") == "team" and "Value" in tag:
                    result.append(tag["Value"])
print(json.dumps(result, ensure_ascii=False, separators=(",", ":")))
