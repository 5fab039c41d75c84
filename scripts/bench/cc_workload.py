# A Cloud Control shaped workload: 10,000 resource descriptions (ListResources pages whose
# Properties are JSON strings) decoded, filtered, grouped by a tag, diffed against a desired
# state as RFC 6902 patches, and the report encoded as JSON.
import json


def diff(old, new, path, ops):
    # Objects key by key; anything else replaced whole when it differs.
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old:
            if key not in new:
                ops.append({"op": "remove", "path": path + "/" + key})
        for key, value in new.items():
            if key not in old:
                ops.append({"op": "add", "path": path + "/" + key, "value": value})
            else:
                diff(old[key], value, path + "/" + key, ops)
    elif old != new:
        ops.append({"op": "replace", "path": path, "value": new})
    return ops


pages = []
for p in range(100):
    descriptions = []
    for k in range(100):
        i = p * 100 + k
        props = {
            "QueueName": f"queue-{i}",
            "Arn": f"arn:aws:sqs:us-east-1:123456789012:queue-{i}",
            "VisibilityTimeout": 30 + i % 90,
            "MessageRetentionPeriod": 345600,
            "Tags": [{"Key": "team", "Value": f"team-{i % 13}"}, {"Key": "env", "Value": "prod" if i % 4 == 0 else "dev"}],
        }
        descriptions.append({"Identifier": f"https://sqs.us-east-1.amazonaws.com/123456789012/queue-{i}", "Properties": json.dumps(props, separators=(",", ":"))})
    pages.append(json.dumps({"TypeName": "AWS::SQS::Queue", "ResourceDescriptions": descriptions}, separators=(",", ":")))

groups = {}
patches = 0
operations = 0
for page in pages:
    for d in json.loads(page)["ResourceDescriptions"]:
        props = json.loads(d["Properties"])
        if props["VisibilityTimeout"] <= 60:
            continue
        team = None
        for t in props["Tags"]:
            if t["Key"] == "team":
                team = t["Value"]
        groups.setdefault(team, []).append(d["Identifier"])
        desired = dict(props)
        desired["VisibilityTimeout"] = 60
        desired.pop("MessageRetentionPeriod")
        desired["DelaySeconds"] = 5
        ops = diff(props, desired, "", [])
        patches += 1
        operations += len(ops)
report = json.dumps({"groups": {team: len(ids) for team, ids in groups.items()}, "patches": patches}, separators=(",", ":"))
print(len(groups), patches, operations, len(report))
