"""`ccs serve` under 32 threads creating, updating and deleting the same eight log groups for
30 s (issue 16's emulator side): afterwards ListResources and GetResource agree on every
identifier, every name not listed is not found, and the server's descriptors are back to
where they were. Loopback only."""

import json
import os
import random
import threading
import time

from botocore.exceptions import ClientError

from emulator_support import Emulator, isolated_aws_environment  # noqa: F401

TYPE = "AWS::Logs::LogGroup"
NAMES = [f"/concurrency/{i}" for i in range(8)]
THREADS = 32
SECONDS = 30
EXPECTED_ERRORS = {"AlreadyExistsException", "ResourceNotFoundException", "ConcurrentOperationException",
                   "ThrottlingException", "ResourceConflictException"}


def hammer(server, seed, deadline, counts, failures):
    client = server.client(max_attempts=1)
    chance = random.Random(seed)
    while time.monotonic() < deadline:
        name = chance.choice(NAMES)
        operation = chance.choice(["create", "update", "delete"])
        try:
            if operation == "create":
                client.create_resource(TypeName=TYPE, DesiredState=json.dumps(
                    {"LogGroupName": name, "RetentionInDays": chance.choice([1, 3, 5, 7])}))
            elif operation == "update":
                client.update_resource(TypeName=TYPE, Identifier=name, PatchDocument=json.dumps(
                    [{"op": "add", "path": "/RetentionInDays", "value": chance.choice([14, 30, 60])}]))
            else:
                client.delete_resource(TypeName=TYPE, Identifier=name)
            counts[operation] = counts.get(operation, 0) + 1
        except ClientError as error:
            code = error.response["Error"]["Code"]
            if code not in EXPECTED_ERRORS:
                failures.append(f"{operation} {name}: {code}: {error}")
            counts["refused"] = counts.get("refused", 0) + 1


def listed(client):
    found = {}
    token = None
    while True:
        page = client.list_resources(TypeName=TYPE, **({"NextToken": token} if token else {}))
        for description in page["ResourceDescriptions"]:
            found[description["Identifier"]] = json.loads(description["Properties"])
        token = page.get("NextToken")
        if not token:
            return found


def test_concurrent_writers_leave_list_and_get_consistent(tmp_path):
    server = Emulator(tmp_path, "--latency", "0").start()
    try:
        pid = server.process.pid
        client = server.client(max_attempts=3)
        client.list_resources(TypeName=TYPE)
        baseline = len(os.listdir(f"/proc/{pid}/fd"))
        deadline = time.monotonic() + SECONDS
        counts, failures = {}, []
        threads = [threading.Thread(target=hammer, args=(server, seed, deadline, counts, failures))
                   for seed in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 60)
        assert not any(thread.is_alive() for thread in threads)
        assert not failures, failures[:5]
        print("calls answered or refused:", counts, "listed at the end:", len(listed(client)))
        assert sum(counts.get(k, 0) for k in ("create", "update", "delete")) > 100, counts

        found = listed(client)
        assert set(found) <= set(NAMES)
        for name in NAMES:
            if name in found:
                got = client.get_resource(TypeName=TYPE, Identifier=name)["ResourceDescription"]
                assert json.loads(got["Properties"]) == found[name], name
            else:
                try:
                    client.get_resource(TypeName=TYPE, Identifier=name)
                    raise AssertionError(f"{name} is not listed but GetResource finds it")
                except ClientError as error:
                    assert error.response["Error"]["Code"] == "ResourceNotFoundException"
        time.sleep(1)
        # The threads' clients are gone; their connections close as the server notices.
        deadline = time.monotonic() + 70
        while len(os.listdir(f"/proc/{pid}/fd")) > baseline + 2 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert len(os.listdir(f"/proc/{pid}/fd")) <= baseline + 2
    finally:
        status, _, stderr = server.stop()
    assert status == 0, stderr
