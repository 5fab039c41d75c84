"""The soak in its short form: scripts/soak.ccs creates 30 resources of five types, patches
half and deletes a quarter with wait_all, against `ccs serve` injecting every fault the
emulator has (throttling, 5xx, dropped connections, FAILED-with-Throttling progress events,
NotFound after create). boto3 then checks, independently of ccs, that exactly the planned
resources exist with the planned properties (none duplicated, lost or half-made).
scripts/soak.sh runs the full form (200 resources); docs/HARDENING.md has its results."""

import json
import subprocess

from emulator_support import CCS_BIN, REPO, Emulator, client_environment, isolated_aws_environment  # noqa: F401
from soak_plan import check, count_remaining

FAULTS = "throttle=0.2,5xx=0.05,drop=0.05,failed-throttle=0.05,notfound-after-create=0.1"
SOAK = str(REPO / "scripts" / "soak.ccs")


def soak_environment(**extra):
    env = client_environment()
    # With 30% of calls failing at the HTTP level, botocore's default 3 attempts leave a
    # call failing for good 2.7% of the time; 10 attempts make it 6e-6 (docs/HARDENING.md).
    env["AWS_MAX_ATTEMPTS"] = "10"
    env.update(extra)
    return env


def run_soak(url, n, prefix, timeout=600, **env):
    return subprocess.run([CCS_BIN, "--endpoint-url", url, SOAK, str(n), prefix],
                          capture_output=True, text=True, timeout=timeout, env=soak_environment(**env))


def test_short_soak_under_every_fault_ends_with_exactly_the_planned_resources(tmp_path):
    emulator = Emulator(tmp_path, "--latency", "50", "--faults", FAULTS + ",seed=11").start()
    try:
        result = run_soak(emulator.url, 30, "short")
        assert result.returncode == 0, f"soak failed ({result.returncode}): {result.stderr}"
        summary = json.loads(result.stdout.strip().splitlines()[-1])
        assert (summary["created"], summary["patched"], summary["deleted"]) == (30, 15, 7)
        client = emulator.client(max_attempts=20)
        assert check(client, 30, "short") == []
        assert count_remaining(30) == 23
    finally:
        status, _, stderr = emulator.stop()
    assert status == 0, stderr


def test_checker_notices_a_lost_a_duplicated_and_a_wrongly_patched_resource(tmp_path):
    """The checker must be able to fail: tamper with a finished soak and look."""
    emulator = Emulator(tmp_path, "--latency", "0").start()
    try:
        result = run_soak(emulator.url, 10, "tamper")
        assert result.returncode == 0, result.stderr
        client = emulator.client()
        assert check(client, 10, "tamper") == []
        client.delete_resource(TypeName="AWS::Logs::LogGroup", Identifier="tamper-0")
        client.update_resource(TypeName="AWS::SNS::Topic", Identifier=topic_arn("tamper-1"),
                               PatchDocument=json.dumps([{"op": "replace", "path": "/DisplayName",
                                                          "value": "other"}]))
        client.create_resource(TypeName="AWS::Logs::LogGroup",
                               DesiredState=json.dumps({"LogGroupName": "tamper-3"}))
        problems = check(client, 10, "tamper")
        assert "lost AWS::Logs::LogGroup tamper-0" in problems
        assert "unexpected AWS::Logs::LogGroup tamper-3" in problems
        assert "AWS::SNS::Topic tamper-1: DisplayName is 'other', expected 'before'" in problems
    finally:
        emulator.stop()


def topic_arn(name):
    return f"arn:aws:sns:us-east-1:123456789012:{name}"
