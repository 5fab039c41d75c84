"""Sessions across accounts and regions (issue 12's acceptance): a ccs script against
`ccs serve --credentials A:a:111111111111 --credentials B:b:222222222222` creates a queue in
each of 2 accounts x 3 regions through `aws({...})` sessions, account 222222222222 reached by
AssumeRole; boto3 clients per account and region then each see exactly their own queue."""

import json
import os
import subprocess
import time

import boto3
import pytest
from botocore.config import Config

from emulator_support import (  # noqa: F401 (fixtures are used by name)
    CCS_BIN, Emulator, client_environment, isolated_aws_environment)
from test_language_cloud import SCRIPTS

REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"]
KEYS = {"111111111111": ("A", "a"), "222222222222": ("B", "b")}


@pytest.fixture()
def accounts(tmp_path):
    emulator = Emulator(tmp_path, "--latency", "0", "--credentials", "A:a:111111111111",
                        "--credentials", "B:b:222222222222").start()
    yield emulator
    status, _, stderr = emulator.stop()
    assert status == 0, stderr


def run(emulator, script, *flags):
    env = client_environment()
    env.update({"AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "a", "AWS_ENDPOINT_URL": emulator.url})
    return subprocess.run([CCS_BIN, *flags, str(SCRIPTS / script)], capture_output=True, text=True, env=env,
                          timeout=120)


def test_a_script_reaches_two_accounts_in_three_regions(accounts):
    result = run(accounts, "sessions_accounts.ccs")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    expected = []
    for region in REGIONS:
        for account in ["111111111111", "222222222222"]:
            expected.append(f"{account} {region} https://sqs.{region}.amazonaws.com/{account}/q-{account}-{region}")
    assert lines[:-1] == expected
    assert lines[-1] == "arn:aws:sts::222222222222:assumed-role/Inventory/acceptance"
    # Independently, with boto3: each account and region holds exactly its own queue.
    for account, (key, secret) in KEYS.items():
        for region in REGIONS:
            session = boto3.session.Session(aws_access_key_id=key, aws_secret_access_key=secret, region_name=region)
            client = session.client("cloudcontrol", endpoint_url=accounts.url,
                                    config=Config(retries={"mode": "standard", "max_attempts": 1}))
            listed = client.list_resources(TypeName="AWS::SQS::Queue")["ResourceDescriptions"]
            assert [json.loads(d["Properties"])["QueueName"] for d in listed] == [f"q-{account}-{region}"]
    # No secret in the output.
    assert "a\n" not in result.stderr and "ASIA" not in result.stdout + result.stderr


def test_resources_and_requests_remember_their_session(accounts, tmp_path):
    script = tmp_path / "remember.ccs"
    script.write_text("""
let west = aws({region: "eu-west-1"})
let req = west.create("AWS::Logs::LogGroup", {LogGroupName: "kept", RetentionInDays: 7})
print(wait(req).OperationStatus)
let r = west.get("AWS::Logs::LogGroup", "kept")
print(wait(patch(r, {RetentionInDays: 14})).OperationStatus)
print(west.get("AWS::Logs::LogGroup", "kept").props.RetentionInDays)
print(count(list("AWS::Logs::LogGroup")))
print(west.region + " " + west.account)
print(type(west))
""")
    env = client_environment()
    env.update({"AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "a", "AWS_ENDPOINT_URL": accounts.url,
                "AWS_REGION": "us-east-1"})
    result = subprocess.run([CCS_BIN, str(script)], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["SUCCESS", "SUCCESS", "14", "0", "eu-west-1 111111111111", "session"]


def test_bad_session_options_are_errors(accounts, tmp_path):
    script = tmp_path / "bad.ccs"
    script.write_text('aws({regoin: "eu-west-1"})\n')
    env = client_environment()
    env.update({"AWS_ENDPOINT_URL": accounts.url})
    result = subprocess.run([CCS_BIN, str(script)], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode != 0
    assert "regoin" in result.stderr


def test_sessions_with_local_use_partitions(tmp_path):
    script = tmp_path / "local.ccs"
    script.write_text("""
let a = aws({region: "eu-west-1"})
let b = aws({region: "eu-west-1", role_arn: "arn:aws:iam::222222222222:role/x"})
wait(a.create("AWS::SQS::Queue", {QueueName: "one"}))
wait(b.create("AWS::SQS::Queue", {QueueName: "two"}))
for q in a.list("AWS::SQS::Queue") { print(q.id) }
for q in b.list("AWS::SQS::Queue") { print(q.id) }
print(count(list("AWS::SQS::Queue")))
print(b.account)
""")
    result = subprocess.run([CCS_BIN, f"--local={tmp_path / 'local.sqlite'}", str(script)], capture_output=True,
                            text=True, env=client_environment(), timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "https://sqs.eu-west-1.amazonaws.com/123456789012/one",
        "https://sqs.eu-west-1.amazonaws.com/222222222222/two",
        "0",
        "222222222222",
    ]


def test_parallel_overlaps_blocking_calls_and_get_all_and_details(tmp_path):
    emulator = Emulator(tmp_path, "--latency", "0", "--response-delay", "150").start()
    try:
        setup = tmp_path / "setup.ccs"
        setup.write_text("""
let reqs = parallel(range(24), fn (i) => create("AWS::Logs::LogGroup", {LogGroupName: "g" + str(i)}))
print(count(filter(wait_all(reqs), fn (e) => e.OperationStatus == "SUCCESS")))
""")
        env = client_environment()
        env.update({"AWS_ENDPOINT_URL": emulator.url})
        started = time.monotonic()
        result = subprocess.run([CCS_BIN, str(setup)], capture_output=True, text=True, env=env, timeout=120)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "24"

        reads = tmp_path / "reads.ccs"
        reads.write_text("""
let ids = []
for i in range(24) { push(ids, "g" + str(i)) }
let t0 = now()
let serial = collect_ids(map(ids, fn (id) => get("AWS::Logs::LogGroup", id)))
let t1 = now()
let fanned = parallel(ids, fn (id) => get("AWS::Logs::LogGroup", id))
let t2 = now()
let all = get_all("AWS::Logs::LogGroup", ids + ["missing"])
let t3 = now()
let detailed = 0
for r in list("AWS::Logs::LogGroup", {details: true, concurrency: 8}) { detailed = detailed + 1 }
print(len(serial), len(fanned), len(all), detailed)
print(fanned[23].id, all[0].id, type(all[24]), all[24].code)
print(all[24].message)
print((t1 - t0) > 3 * (t2 - t1), (t1 - t0) > 3 * (t3 - t2))
fn collect_ids(xs) {
  let out = []
  for x in xs { push(out, x.id) }
  return out
}
""")
        result = subprocess.run([CCS_BIN, str(reads)], capture_output=True, text=True, env=env, timeout=120)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == [
            "24 24 25 24",
            "g23 g0 error ResourceNotFoundException",
            result.stdout.splitlines()[2],
            "true true",
        ]
        assert result.stdout.splitlines()[2].startswith("get_all: item #24 (missing): ResourceNotFoundException: ")
    finally:
        status, _, stderr = emulator.stop()
        assert status == 0, stderr


def test_adaptive_mode_finishes_a_throttled_parallel_job_without_failures(tmp_path):
    # --rate-limit 10 against 32 workers: standard retries alone would run out; the adaptive
    # bucket slows the job to the server's rate instead.
    emulator = Emulator(tmp_path, "--latency", "0", "--rate-limit", "10").start()
    try:
        script = tmp_path / "throttled.ccs"
        script.write_text("""
let made = parallel(range(60), fn (i) => create("AWS::SQS::Queue", {QueueName: "t" + str(i)}), {concurrency: 32})
print(count(filter(made, fn (r) => type(r) == "error")))
print(count(list("AWS::SQS::Queue", {page_size: 100})))
""")
        env = client_environment()
        env.update({"AWS_ENDPOINT_URL": emulator.url, "AWS_RETRY_MODE": "adaptive", "AWS_MAX_ATTEMPTS": "8"})
        started = time.monotonic()
        result = subprocess.run([CCS_BIN, str(script)], capture_output=True, text=True, env=env, timeout=180)
        elapsed = time.monotonic() - started
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == ["0", "60"], result.stdout + result.stderr
        # 61 admitted requests at 10/s (a burst of 10 first) take at least ~5 s; the limiter
        # keeps the job near the server's rate instead of collapsing to a trickle (measured:
        # about 6.5 s for the 60 creates with a debug build).
        assert 4 < elapsed < 30, elapsed
    finally:
        status, _, stderr = emulator.stop()
        assert status == 0, stderr
