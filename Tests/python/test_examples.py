"""The example scripts of scripts/examples (issue 11) run against the in-process emulator,
their Python + boto3 versions compile, and the lines-of-code table in docs/LANGUAGE.md
matches the files."""

import os
import py_compile
import re
import signal
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")
EXAMPLES = REPO / "scripts" / "examples"
PAIRS = [("drift_report.ccs", "drift_report.py"), ("bulk_copy.ccs", "bulk_copy.py"),
         ("tag_compliance.ccs", "tag_compliance.py"), ("blue_green.ccs", "blue_green.py"),
         ("rotate_logs.ccs", "rotate_logs.py"), ("provision.ccs", "provision.py"),
         ("fan_out.ccs", "fan_out.py"), ("long_job.ccs", "long_job.py")]


class Local:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.db = str(self.folder / "local.db")

    def ccs(self, *arguments, db=None):
        environment = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        return subprocess.run([CCS_BIN, f"--local={db or self.db}", *arguments], capture_output=True, text=True,
                              timeout=180, cwd=REPO, env=environment)

    def seed(self, code, db=None, region=None):
        result = self.ccs(*(["--region", region] if region else []), "-e", code, db=db)
        assert result.returncode == 0, result.stderr


@pytest.fixture
def local(tmp_path):
    return Local(tmp_path)


def test_drift_report(local):
    local.seed('wait(create("AWS::Logs::LogGroup", {LogGroupName: "drift-app", RetentionInDays: 7}))')
    desired = local.folder / "desired.json"
    desired.write_text('{"resources": ['
                       '{"type": "AWS::Logs::LogGroup", "id": "drift-app", "properties": {"RetentionInDays": 30}},'
                       '{"type": "AWS::Logs::LogGroup", "id": "drift-gone", "properties": {}}]}')
    result = local.ccs(str(EXAMPLES / "drift_report.ccs"), str(desired))
    assert result.returncode == 3, result.stderr
    assert "drift-app   replace /RetentionInDays -> 30" in result.stdout
    assert "drift-gone  missing" in result.stdout


def test_bulk_copy(local):
    local.seed('wait_all(map(range(3), fn(i) => create("AWS::Logs::LogGroup", {LogGroupName: "app-${i}"})))')
    result = local.ccs(str(EXAMPLES / "bulk_copy.ccs"), "--from", "app-", "--to", "copy-", "--batch", "2", "--pause", "0")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "copied   2/3   app-0, app-1\ncopied   3/3   app-2\n"
    local.seed('assert(count(list("AWS::Logs::LogGroup") | filter(fn(r) => starts_with(r.id, "copy-"))) == 3)')


def test_tag_compliance(local):
    local.seed('wait(create("AWS::SSM::Parameter", {Name: "/p/ok", Type: "String", Value: "v", Tags: {owner: "me"}}))\n'
               'wait(create("AWS::SSM::Parameter", {Name: "/p/bad", Type: "String", Value: "v"}))')
    out = local.folder / "report.csv"
    result = local.ccs(str(EXAMPLES / "tag_compliance.ccs"), "--require", "owner", "--out", str(out),
                       "AWS::SSM::Parameter")
    assert result.returncode == 1
    assert result.stderr == "1 of 2 resources lack required tags\n"
    assert out.read_bytes().decode() == ("type,id,compliant,missing\r\nAWS::SSM::Parameter,/p/bad,false,owner\r\n"
                               "AWS::SSM::Parameter,/p/ok,true,\r\n")


def test_blue_green_rolls_back_and_switches(local):
    local.seed('wait(create("AWS::SSM::Parameter", {Name: "/app/queue", Type: "String", Value: "blue"}))')
    failed = local.ccs(str(EXAMPLES / "blue_green.ccs"), "--param", "/app/queue", "--green", "g1", "--fail")
    assert failed.returncode == 1
    assert failed.stdout == "rolling back: CheckFailed: green did not answer\n/app/queue = blue\n"
    local.seed('assert(count(list("AWS::SQS::Queue")) == 0, "green deleted")')
    done = local.ccs(str(EXAMPLES / "blue_green.ccs"), "--param", "/app/queue", "--green", "g2")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].endswith("/g2")


def test_rotate_logs(local):
    settings = local.folder / "settings.csv"
    settings.write_text("name,days,review\napp-logs, 30, 2024-01-15\n# comment\naudit,365,2024-06-01\nweb,7,2024-02-29\n")
    result = local.ccs(str(EXAMPLES / "rotate_logs.ccs"), str(settings), "--out-dir", str(local.folder / "out"),
                       "--today", "2024-03-01")
    assert result.returncode == 0, result.stderr
    assert (local.folder / "out" / "due-20240301.txt").read_text() == (
        "Log groups due for review on Friday 01 March 2024\n"
        "app-logs                    30 days  since 2024-01-15\n"
        "web                          7 days  since 2024-02-29\n")


def test_provision_with_the_shared_module(local):
    result = local.ccs(str(EXAMPLES / "provision.ccs"), "core", "dev", "jobs", "mail")
    assert result.returncode == 0, result.stderr
    assert result.stdout == '["core","dev","jobs"]\n["core","dev","mail"]\n'
    bad = local.ccs(str(EXAMPLES / "provision.ccs"), "core", "qa", "jobs")
    assert bad.returncode == 1
    assert "environment 'qa' is not one of dev, staging, prod" in bad.stderr


def test_fan_out(local):
    # --local keeps each region's resources apart, as AWS does: the queue is made in eu-west-1.
    local.seed('wait(create("AWS::SQS::Queue", {QueueName: "eu-q"}))', db=str(local.folder / "eu-west-1.db"),
               region="eu-west-1")
    result = local.ccs(str(EXAMPLES / "fan_out.ccs"), "--regions", "us-east-1,eu-west-1", "--ccs", CCS_BIN,
                       "--local-dir", str(local.folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[2:] == ["eu-west-1  1", "us-east-1  0"]


def test_long_job_cleans_up_on_ctrl_c(local):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    process = subprocess.Popen([CCS_BIN, f"--local={local.db}", str(EXAMPLES / "long_job.ccs"), "--count", "50",
                                "--pause", "0.2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               cwd=REPO, env=environment)
    assert process.stderr.readline() == "created    1/50\n"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert re.fullmatch(r"cleaned up \d+ queue\(s\)\n", out)
    local.seed('assert(count(list("AWS::SQS::Queue")) == 0, "everything deleted")')


def test_the_python_versions_compile():
    for _, python in PAIRS:
        py_compile.compile(str(EXAMPLES / "python" / python), doraise=True)
    py_compile.compile(str(EXAMPLES / "python" / "naming.py"), doraise=True)


def code_lines(path):
    """Lines that are neither blank nor only a comment."""
    comment = "#" if path.suffix in (".ccs", ".py") else None
    lines = 0
    for line in path.read_text().splitlines():
        text = line.strip()
        if text and not text.startswith(comment) and not (path.suffix == ".py" and text.startswith('"""')):
            lines += 1
    return lines


def test_the_lines_of_code_table_matches_the_files():
    docs = (REPO / "docs" / "LANGUAGE.md").read_text()
    for ccs, python in PAIRS:
        extra_ccs = code_lines(EXAMPLES / "lib" / "naming.ccs") if ccs == "provision.ccs" else 0
        extra_py = code_lines(EXAMPLES / "python" / "naming.py") if ccs == "provision.ccs" else 0
        row = f"| `{ccs}` | {code_lines(EXAMPLES / ccs) + extra_ccs} | {code_lines(EXAMPLES / 'python' / python) + extra_py} |"
        assert row in docs, row
