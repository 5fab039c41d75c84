"""A misspelt resource type names the closest known type (issue 11)."""

import os
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")


def ccs_local(code):
    """`ccs --local -e code` in a fresh emulator database of its own."""
    with tempfile.TemporaryDirectory() as folder:
        return subprocess.run([CCS_BIN, f"--local={folder}/db", "-e", code], capture_output=True, text=True,
                              timeout=60)


def test_schema_of_a_misspelt_type_suggests_the_known_one():
    result = ccs_local('schema("AWS::SQS::Queu")')
    assert result.returncode == 1
    assert "schema: no schema for AWS::SQS::Queu (did you mean 'AWS::SQS::Queue'?)" in result.stderr


def test_create_with_a_misspelt_type_suggests_the_known_one():
    result = ccs_local('create("AWS::Logs::LogGrup", {LogGroupName: "x"})')
    assert result.returncode == 1
    assert "create: TypeNotFoundException: " in result.stderr
    assert "(did you mean 'AWS::Logs::LogGroup'?)" in result.stderr
