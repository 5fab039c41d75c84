"""`ccs --local`: the emulator in-process, with no credentials, no config and no network."""

import json
import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")


def bare_environment(home, **extra):
    """Only PATH and HOME: no AWS_* variable, no profile, nothing to sign with."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home)}
    env.update(extra)
    return env


def ccs(env, *arguments):
    return subprocess.run([CCS_BIN, *arguments], capture_output=True, text=True, env=env, timeout=60)


def create_then_get(env, *local_arguments, name):
    desired = json.dumps({"TypeName": "AWS::Logs::LogGroup", "DesiredState": json.dumps({"LogGroupName": name})})
    created = ccs(env, *local_arguments, "api", "CreateResource", desired)
    assert created.returncode == 0, created.stderr
    event = json.loads(created.stdout)["ProgressEvent"]
    assert event["Identifier"] == name
    status = json.dumps({"RequestToken": event["RequestToken"]})
    # The default latency is short (two phases of 0.2 s); poll the status until it settles.
    for _ in range(50):
        polled = ccs(env, "api", "GetResourceRequestStatus", status, *local_arguments)
        assert polled.returncode == 0, polled.stderr
        if json.loads(polled.stdout)["ProgressEvent"]["OperationStatus"] == "SUCCESS":
            break
    got = ccs(env, *local_arguments, "api", "GetResource",
              json.dumps({"TypeName": "AWS::Logs::LogGroup", "Identifier": name}))
    assert got.returncode == 0, got.stderr
    return json.loads(got.stdout)


def test_local_before_the_subcommand_uses_the_xdg_data_home_database(tmp_path):
    env = bare_environment(tmp_path / "home", XDG_DATA_HOME=str(tmp_path / "xdg"))
    got = create_then_get(env, "--local", name="xdg-group")
    assert got["ResourceDescription"]["Identifier"] == "xdg-group"
    assert (tmp_path / "xdg" / "ccs" / "local.sqlite").exists()


def test_local_without_xdg_uses_the_home_database(tmp_path):
    env = bare_environment(tmp_path / "home")
    create_then_get(env, "--local", name="home-group")
    assert (tmp_path / "home" / ".local" / "share" / "ccs" / "local.sqlite").exists()


def test_local_with_a_path_and_region(tmp_path):
    env = bare_environment(tmp_path / "home")
    database = tmp_path / "chosen.sqlite"
    got = create_then_get(env, f"--local={database}", "--region", "eu-west-3", name="placed")
    assert json.loads(got["ResourceDescription"]["Properties"])["Arn"] == \
        "arn:aws:logs:eu-west-3:123456789012:log-group:placed:*"
    assert database.exists()
    assert not (tmp_path / "home" / ".local").exists()


def test_local_errors_are_service_errors(tmp_path):
    env = bare_environment(tmp_path / "home")
    result = ccs(env, "--local", "api", "GetResource",
                 json.dumps({"TypeName": "AWS::Logs::LogGroup", "Identifier": "absent"}))
    assert result.returncode == 254
    assert "ResourceNotFoundException" in result.stderr
