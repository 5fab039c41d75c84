"""A script interrupted in the middle of its creates (SIGINT, SIGTERM, SIGKILL) and re-run
with the same CCS_RUN_ID creates nothing twice: its ClientTokens are derived from the run id
and the call (docs/HARDENING.md, "Interrupted clients"), so the re-run's creates replay the
requests the first run made. The resources are SQS queues without a QueueName, whose names
the service generates, so a second create would be a true duplicate rather than an
AlreadyExists failure."""

import signal
import subprocess
import time
import uuid

import pytest

from emulator_support import CCS_BIN, Emulator, client_environment, isolated_aws_environment  # noqa: F401

COUNT = 20
SCRIPT = f"""
let reqs = []
for i in range({COUNT}) {{
  push(reqs, create("AWS::SQS::Queue", {{VisibilityTimeout: 100 + i}}))
  sleep(0.1)
}}
wait_all(reqs)
print("done", len(reqs))
"""


@pytest.fixture()
def emulator(tmp_path):
    server = Emulator(tmp_path, "--latency", "200").start()
    yield server
    server.stop()


def run(emulator, script, run_id, **popen):
    env = client_environment()
    if run_id is not None:
        env["CCS_RUN_ID"] = run_id
    return subprocess.Popen([CCS_BIN, "--endpoint-url", emulator.url, str(script)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)


def create_requests(client):
    pages = client.get_paginator("list_resource_requests").paginate(
        ResourceRequestStatusFilter={"Operations": ["CREATE"]})
    return sum(len(p["ResourceRequestStatusSummaries"]) for p in pages)


def visibility_timeouts(client):
    import json
    pages = client.get_paginator("list_resources").paginate(TypeName="AWS::SQS::Queue")
    return sorted(json.loads(d["Properties"])["VisibilityTimeout"]
                  for p in pages for d in p["ResourceDescriptions"])


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_rerun_after_a_signal_mid_creates_makes_no_duplicate(emulator, tmp_path, sig):
    script = tmp_path / "queues.ccs"
    script.write_text(SCRIPT)
    run_id = "interrupt-" + uuid.uuid4().hex[:8]
    client = emulator.client(max_attempts=3)

    first = run(emulator, script, run_id)
    deadline = time.monotonic() + 60
    while create_requests(client) < 5:
        assert time.monotonic() < deadline and first.poll() is None, "the first run made no creates"
        time.sleep(0.02)
    first.send_signal(sig)
    out, err = first.communicate(timeout=30)
    assert first.returncode != 0, f"the first run was not interrupted: {out} {err}"
    assert "done" not in out
    made = create_requests(client)
    assert 5 <= made < COUNT, f"{made} creates before the signal"

    second = run(emulator, script, run_id)
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert out.strip() == f"done {COUNT}"
    assert create_requests(client) == COUNT, "the re-run started creates the first run had made"
    assert visibility_timeouts(client) == list(range(100, 100 + COUNT))


def test_without_a_run_id_a_rerun_duplicates(emulator, tmp_path):
    """What the run id prevents: random tokens make every run create anew."""
    script = tmp_path / "queues.ccs"
    script.write_text(SCRIPT)
    for _ in range(2):
        finished = run(emulator, script, None)
        out, err = finished.communicate(timeout=120)
        assert finished.returncode == 0, err
    client = emulator.client(max_attempts=3)
    assert len(visibility_timeouts(client)) == 2 * COUNT


def test_same_run_id_twice_replays_the_whole_run(emulator, tmp_path):
    script = tmp_path / "queues.ccs"
    script.write_text(SCRIPT)
    for _ in range(2):
        finished = run(emulator, script, "replay-" + str(id(script)))
        out, err = finished.communicate(timeout=120)
        assert finished.returncode == 0, err
    client = emulator.client(max_attempts=3)
    assert visibility_timeouts(client) == list(range(100, 100 + COUNT))
