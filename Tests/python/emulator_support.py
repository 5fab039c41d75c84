"""`ccs serve` processes for the Python suites: start on a free port, read the one
`listening on` line, point boto3 at it, stop with a signal. Shared by test_emulator_*.py."""

import json
import os
import selectors
import signal
import subprocess
import uuid
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")

# The environment of every client here: the default credentials of `ccs serve`, no profile,
# no instance metadata (169.254.169.254 must never be reached).
ISOLATED_ENV = {
    "AWS_ACCESS_KEY_ID": "test",
    "AWS_SECRET_ACCESS_KEY": "test",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_CONFIG_FILE": "/nonexistent/ccs-test-config",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/ccs-test-credentials",
    "AWS_PAGER": "",
    # DescribeType answers are not cached in the real ~/.cache (test_describe_type.py turns
    # the cache on in a temporary folder).
    "CCS_NO_SCHEMA_CACHE": "1",
}
CLEARED_ENV = ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_CLOUDCONTROL",
               "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
               "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE")


class Emulator:
    """One `ccs serve` process on a free loopback port."""

    def __init__(self, directory, *options):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.db = self.directory / "emulator.sqlite"
        self.stderr_path = self.directory / "stderr.txt"
        self.options = options
        self.process = None
        self.url = None
        self.stdout_lines = []

    def start(self):
        if not Path(CCS_BIN).exists():
            raise AssertionError(f"ccs binary not found at {CCS_BIN}: build it or set CCS_BIN")
        self.stderr_file = open(self.stderr_path, "w")
        self.process = subprocess.Popen(
            [CCS_BIN, "serve", "--port", "0", "--db", str(self.db), *self.options],
            stdout=subprocess.PIPE, stderr=self.stderr_file, text=True, env=client_environment())
        line = self._read_line(timeout=60)
        assert line.startswith("listening on http://127.0.0.1:"), \
            f"unexpected first line {line!r}; stderr: {self.stderr_path.read_text()}"
        self.stdout_lines.append(line)
        self.url = line[len("listening on "):].strip()
        return self

    def _read_line(self, timeout):
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            if not selector.select(timeout):
                self.process.kill()
                raise AssertionError(f"ccs serve printed nothing within {timeout}s")
        return self.process.stdout.readline()

    def stop(self, sig=signal.SIGTERM):
        """Stops the server with `sig`; returns (exit status, rest of stdout, stderr)."""
        self.process.send_signal(sig)
        rest, _ = self.process.communicate(timeout=30)
        self.stderr_file.close()
        return self.process.returncode, rest, self.stderr_path.read_text()

    def client(self, access_key="test", secret_key="test", max_attempts=1):
        session = boto3.session.Session(
            aws_access_key_id=access_key, aws_secret_access_key=secret_key, region_name="us-east-1")
        return session.client(
            "cloudcontrol", endpoint_url=self.url,
            config=Config(retries={"mode": "standard", "max_attempts": max_attempts},
                          connect_timeout=10, read_timeout=30))


def client_environment():
    env = {k: v for k, v in os.environ.items() if k not in CLEARED_ENV}
    env.update(ISOLATED_ENV)
    return env


@pytest.fixture(scope="session", autouse=True)
def isolated_aws_environment():
    with pytest.MonkeyPatch.context() as patch:
        for name in CLEARED_ENV:
            patch.delenv(name, raising=False)
        for name, value in ISOLATED_ENV.items():
            patch.setenv(name, value)
        yield


def _serve(tmp_path_factory, name, *options):
    emulator = Emulator(tmp_path_factory.mktemp(name), *options).start()
    yield emulator
    status, _, stderr = emulator.stop()
    assert status == 0, f"ccs serve exited with {status}: {stderr}"


@pytest.fixture(scope="session")
def fast(tmp_path_factory):
    """Requests complete within the call that makes them."""
    yield from _serve(tmp_path_factory, "fast", "--latency", "0")


@pytest.fixture(scope="session")
def slow(tmp_path_factory):
    """Each request phase lasts 1.5 s, so requests can be seen unfinished."""
    yield from _serve(tmp_path_factory, "slow", "--latency", "1500")


@pytest.fixture(scope="session")
def glacial(tmp_path_factory):
    """Each request phase lasts 5 s: a window of 10 s to cancel in, even for a slow client."""
    yield from _serve(tmp_path_factory, "glacial", "--latency", "5000")


@pytest.fixture()
def client(fast):
    c = fast.client()
    yield c
    c.close()


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def create_log_group(client, name, **extra):
    event = client.create_resource(
        TypeName="AWS::Logs::LogGroup", DesiredState=json.dumps({"LogGroupName": name, **extra}))["ProgressEvent"]
    return event


def fast_waiter_config():
    return {"Delay": 1, "MaxAttempts": 30}


@pytest.fixture(scope="module")
def topics(fast):
    """60 SNS topics of a type no other test creates, so listings are predictable."""
    c = fast.client()
    names = []
    for index in range(60):
        name = f"page-{index:03d}"
        c.create_resource(TypeName="AWS::SNS::Topic", DesiredState=json.dumps({"TopicName": name}))
        names.append(name)
    c.close()
    return names


def listed_topic_names(descriptions):
    return [json.loads(d["Properties"])["TopicName"] for d in descriptions]
