"""Crash safety of the emulator: `ccs serve` is killed with SIGKILL in the middle of the soak
load (scripts/soak.ccs run by ccs, plus boto3 creates recording every acknowledged request),
then restarted on the same --db. Every request that got a 200 answer must still be known and
must finish, the database must pass `PRAGMA integrity_check`, and re-running the soak with the
same CCS_RUN_ID must end with exactly the planned resources."""

import json
import signal
import sqlite3
import subprocess
import threading
import time
import uuid

import botocore.exceptions

from emulator_support import CCS_BIN, Emulator, isolated_aws_environment  # noqa: F401
from soak_plan import check
from test_soak import FAULTS, SOAK, soak_environment


def integrity(db):
    connection = sqlite3.connect(str(db))
    try:
        return connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()


class Recorder(threading.Thread):
    """Creates log groups with boto3 (one attempt per call) until stopped, and now and then
    updates (RetentionInDays 14) or deletes one created a while before, keeping every request
    answered with 200: the acknowledged ones, as (operation, name, request token)."""

    def __init__(self, client, prefix):
        super().__init__(daemon=True)
        self.client, self.prefix = client, prefix
        self.acknowledged = []
        self.stopped = threading.Event()

    def call(self, operation, name):
        kind = "AWS::Logs::LogGroup"
        token = str(uuid.uuid4())
        if operation == "CREATE":
            answer = self.client.create_resource(
                TypeName=kind, DesiredState=json.dumps({"LogGroupName": name}), ClientToken=token)
        elif operation == "UPDATE":
            answer = self.client.update_resource(
                TypeName=kind, Identifier=name, ClientToken=token,
                PatchDocument=json.dumps([{"op": "add", "path": "/RetentionInDays", "value": 14}]))
        else:
            answer = self.client.delete_resource(TypeName=kind, Identifier=name, ClientToken=token)
        self.acknowledged.append((operation, name, answer["ProgressEvent"]["RequestToken"]))

    def run(self):
        index = 0
        while not self.stopped.is_set():
            created = [name for operation, name, _ in self.acknowledged if operation == "CREATE"]
            if index % 3 == 1 and len(created) > 10:
                operation, name = "UPDATE", created[-10]
            elif index % 5 == 2 and len(created) > 15:
                operation, name = "DELETE", created[-15]
            else:
                operation, name = "CREATE", f"{self.prefix}-{index}"
            index += 1
            try:
                self.call(operation, name)
            except (botocore.exceptions.ClientError, botocore.exceptions.BotoCoreError):
                time.sleep(0.02)  # not acknowledged (fault, conflict, or the server is gone)


def count_requests(client):
    try:
        pages = client.get_paginator("list_resource_requests").paginate()
        return sum(len(p["ResourceRequestStatusSummaries"]) for p in pages)
    except (botocore.exceptions.ClientError, botocore.exceptions.BotoCoreError):
        return 0


def finish(client, token, timeout=60):
    """Polls a request until it is finished; returns its final event."""
    deadline = time.monotonic() + timeout
    while True:
        event = client.get_resource_request_status(RequestToken=token)["ProgressEvent"]
        if event["OperationStatus"] in ("SUCCESS", "FAILED", "CANCEL_COMPLETE"):
            return event
        assert time.monotonic() < deadline, f"request {token} still {event['OperationStatus']}"
        time.sleep(0.2)


def test_kill_9_mid_load_keeps_every_acknowledged_request_and_a_sound_database(tmp_path):
    run_id = "crash-" + uuid.uuid4().hex[:8]
    emulator = Emulator(tmp_path, "--latency", "200", "--faults", FAULTS + ",seed=5").start()
    soak = subprocess.Popen([CCS_BIN, "--endpoint-url", emulator.url, SOAK, "40", "crash"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=soak_environment(CCS_RUN_ID=run_id))
    recorder = Recorder(emulator.client(max_attempts=1), "acked")
    recorder.start()
    watcher = emulator.client(max_attempts=5)
    deadline = time.monotonic() + 60
    def acknowledged_kinds():
        return {operation for operation, _, _ in list(recorder.acknowledged)}

    while (count_requests(watcher) < 40 or len(acknowledged_kinds()) < 3) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert soak.poll() is None, "the soak ended before the kill: " + soak.communicate()[1]

    emulator.process.send_signal(signal.SIGKILL)
    emulator.process.wait(timeout=10)
    emulator.stderr_file.close()
    recorder.stopped.set()
    recorder.join(timeout=30)
    soak.kill()  # the client would only be retrying against a dead server
    soak.communicate(timeout=30)
    assert emulator.process.returncode == -signal.SIGKILL
    operations = {operation for operation, _, _ in recorder.acknowledged}
    assert operations == {"CREATE", "UPDATE", "DELETE"}, f"acknowledged before the kill: {operations}"
    assert integrity(emulator.db) == [("ok",)]

    restarted = Emulator(tmp_path, "--latency", "200", "--faults", FAULTS + ",seed=6").start()
    try:
        client = restarted.client(max_attempts=20)
        final = {}
        for operation, name, token in recorder.acknowledged:
            event = finish(client, token)
            assert (event["Operation"], event["Identifier"]) == (operation, name)
            if event["OperationStatus"] == "SUCCESS":
                final.setdefault(name, []).append(operation)
            else:
                # Only the injected failed-throttle fails these calls.
                assert event.get("ErrorCode") == "Throttling", event
        # The notfound-after-create fault hides a resource for its window (1 s) after its
        # create completes, and creates pending at the kill complete during the polling above:
        # wait the window out, so that a read of a created resource is not that fault.
        time.sleep(1.5)
        for name, operations in final.items():
            try:
                properties = json.loads(client.get_resource(
                    TypeName="AWS::Logs::LogGroup", Identifier=name)["ResourceDescription"]["Properties"])
            except client.exceptions.ResourceNotFoundException:
                properties = None
            if "DELETE" in operations:
                assert properties is None, f"{name} was deleted (acknowledged) but exists"
            else:
                assert properties is not None and properties["LogGroupName"] == name, name
                if "UPDATE" in operations:
                    assert properties.get("RetentionInDays") == 14, (name, properties)

        rerun = subprocess.run([CCS_BIN, "--endpoint-url", restarted.url, SOAK, "40", "crash"],
                               capture_output=True, text=True, timeout=600,
                               env=soak_environment(CCS_RUN_ID=run_id))
        assert rerun.returncode == 0, rerun.stderr
        assert check(client, 40, "crash") == []
    finally:
        status, _, stderr = restarted.stop()
    assert status == 0, stderr
    assert integrity(restarted.db) == [("ok",)]
