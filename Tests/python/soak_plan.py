"""The soak's plan (scripts/soak.ccs) restated independently in Python, and a checker that
compares the emulator's final state, read with boto3, against it. Used by test_soak.py,
test_crash_safety.py and scripts/soak.sh.

Resource i (0 <= i < n) is of type TYPES[i % 5] named PREFIX-i; patched when i % 2 == 0,
deleted when i % 4 == 3."""

import json
import sys

TYPES = ["AWS::Logs::LogGroup", "AWS::SNS::Topic", "AWS::SQS::Queue", "AWS::SSM::Parameter",
         "AWS::ECR::Repository"]

# (name property, patched property, value before, value after) per type.
PROPERTIES = {
    "AWS::Logs::LogGroup": ("LogGroupName", "RetentionInDays", 7, 30),
    "AWS::SNS::Topic": ("TopicName", "DisplayName", "before", "after"),
    "AWS::SQS::Queue": ("QueueName", "VisibilityTimeout", 30, 60),
    "AWS::SSM::Parameter": ("Name", "Value", "before", "after"),
    "AWS::ECR::Repository": ("RepositoryName", "ImageTagMutability", "MUTABLE", "IMMUTABLE"),
}


def expected_state(n, prefix):
    """{type: {name: value of the patched property}} of the resources that must remain."""
    state = {t: {} for t in TYPES}
    for i in range(n):
        if i % 4 == 3:
            continue
        t = TYPES[i % 5]
        _, _, before, after = PROPERTIES[t]
        state[t][f"{prefix}-{i}"] = after if i % 2 == 0 else before
    return state


def actual_state(client, prefix):
    """The same shape, from ListResources (every page) of each type, keeping only names
    with the prefix; duplicates (two resources of one name) are returned separately."""
    state = {t: {} for t in TYPES}
    duplicates = []
    paginator = client.get_paginator("list_resources")
    for t in TYPES:
        name_key, prop, _, _ = PROPERTIES[t]
        for page in paginator.paginate(TypeName=t):
            for description in page["ResourceDescriptions"]:
                props = json.loads(description["Properties"])
                name = props.get(name_key, "")
                if not name.startswith(prefix + "-"):
                    continue
                if name in state[t]:
                    duplicates.append((t, name))
                state[t][name] = props.get(prop)
    return state, duplicates


def unfinished_requests(client):
    """Requests still PENDING or IN_PROGRESS (a half-made resource would show here)."""
    paginator = client.get_paginator("list_resource_requests")
    found = []
    for page in paginator.paginate(ResourceRequestStatusFilter={
            "OperationStatuses": ["PENDING", "IN_PROGRESS", "CANCEL_IN_PROGRESS"]}):
        found.extend(page["ResourceRequestStatusSummaries"])
    return found


def check(client, n, prefix):
    """A list of problems (empty when the final state is exactly the plan's)."""
    expected = expected_state(n, prefix)
    actual, duplicates = actual_state(client, prefix)
    problems = [f"duplicate {t} {name}" for t, name in duplicates]
    for t in TYPES:
        for name in sorted(set(expected[t]) - set(actual[t])):
            problems.append(f"lost {t} {name}")
        for name in sorted(set(actual[t]) - set(expected[t])):
            problems.append(f"unexpected {t} {name}")
        for name in sorted(set(expected[t]) & set(actual[t])):
            if actual[t][name] != expected[t][name]:
                problems.append(f"{t} {name}: {PROPERTIES[t][1]} is {actual[t][name]!r}, "
                                f"expected {expected[t][name]!r}")
    for summary in unfinished_requests(client):
        problems.append(f"unfinished request {summary.get('RequestToken')} {summary.get('Operation')} "
                        f"{summary.get('TypeName')} {summary.get('Identifier')}")
    return problems


def request_statistics(client):
    """{"OPERATION STATUS[ ErrorCode]": count} over every request the server remembers."""
    stats = {}
    for page in client.get_paginator("list_resource_requests").paginate():
        for summary in page["ResourceRequestStatusSummaries"]:
            key = f"{summary['Operation']} {summary['OperationStatus']}"
            if summary.get("ErrorCode"):
                key += f" {summary['ErrorCode']}"
            stats[key] = stats.get(key, 0) + 1
    return dict(sorted(stats.items()))


def count_remaining(n):
    return sum(1 for i in range(n) if i % 4 != 3)


if __name__ == "__main__":
    # python3 soak_plan.py URL N PREFIX: prints the problems, exits 1 if any.
    import boto3
    from botocore.config import Config
    url, n, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    client = boto3.client("cloudcontrol", endpoint_url=url, region_name="us-east-1",
                          aws_access_key_id="test", aws_secret_access_key="test",
                          config=Config(retries={"mode": "standard", "max_attempts": 20}))
    found = check(client, n, prefix)
    for problem in found:
        print(problem)
    for key, value in request_statistics(client).items():
        print(f"requests {key}: {value}")
    print(f"checked {n} planned, {count_remaining(n)} expected to remain: "
          f"{'OK' if not found else str(len(found)) + ' problems'}")
    sys.exit(1 if found else 0)
