"""End-to-end tests of the Cloud Control built-ins: real .ccs scripts (cloud_scripts/) run
through the built `ccs` binary against `ccs serve` over HTTP and against `--local`, with the
results checked independently: with boto3 against the server, with `ccs api` against the
local database."""

import json
import os
import re
import subprocess
import time
from pathlib import Path

import boto3
import botocore.config
import pytest

CCS = os.environ.get("CCS_BIN", "ccs")
SCRIPTS = Path(__file__).parent / "cloud_scripts"
LOG_GROUP = "AWS::Logs::LogGroup"


def base_env(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({"HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
                "AWS_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
                "AWS_CONFIG_FILE": str(tmp_path / "none"), "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none")})
    return env


class Serve:
    """`ccs serve` on a free loopback port with its own database."""

    def __init__(self, tmp_path, latency_ms=100):
        self.process = subprocess.Popen(
            [CCS, "serve", "--port", "0", "--db", str(tmp_path / "serve.sqlite"), "--latency", str(latency_ms)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=base_env(tmp_path))
        line = self.process.stdout.readline()
        match = re.match(r"listening on (http://\S+)", line)
        if not match:
            self.process.kill()
            raise RuntimeError(f"ccs serve did not start: {line!r} {self.process.stderr.read()}")
        self.url = match.group(1)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class Backend:
    """Runs scripts against one backend and reads resources back independently."""

    def __init__(self, kind, tmp_path):
        self.kind = kind
        self.tmp_path = tmp_path
        self.env = base_env(tmp_path)
        self.serve = None
        if kind == "serve":
            self.serve = Serve(tmp_path)
            self.env["AWS_ENDPOINT_URL"] = self.serve.url
            self.flags = []
            self.boto = boto3.client(
                "cloudcontrol", endpoint_url=self.serve.url, region_name="us-east-1",
                aws_access_key_id="test", aws_secret_access_key="test",
                config=botocore.config.Config(retries={"max_attempts": 1}))
        else:
            self.flags = [f"--local={tmp_path / 'local.sqlite'}"]

    def run(self, script, *args, debug=False):
        command = [CCS, *self.flags, *(["--debug"] if debug else []), str(SCRIPTS / script), *args]
        result = subprocess.run(command, capture_output=True, text=True, env=self.env, timeout=120)
        assert result.returncode == 0, f"{script}: exit {result.returncode}\n{result.stderr}"
        return [json.loads(line) for line in result.stdout.splitlines()], result.stderr

    def properties(self, type_name, identifier):
        """The resource's Properties, or None when it does not exist: boto3 for the server,
        `ccs api` for the local database."""
        if self.serve:
            try:
                found = self.boto.get_resource(TypeName=type_name, Identifier=identifier)
            except self.boto.exceptions.ResourceNotFoundException:
                return None
            return json.loads(found["ResourceDescription"]["Properties"])
        result = subprocess.run(
            [CCS, *self.flags, "api", "GetResource", json.dumps({"TypeName": type_name, "Identifier": identifier})],
            capture_output=True, text=True, env=self.env, timeout=60)
        if result.returncode != 0:
            assert "ResourceNotFoundException" in result.stderr, result.stderr
            return None
        return json.loads(json.loads(result.stdout)["ResourceDescription"]["Properties"])

    def identifiers(self, type_name, model=None):
        if self.serve:
            pages = self.boto.get_paginator("list_resources").paginate(
                TypeName=type_name, **({"ResourceModel": json.dumps(model)} if model else {}))
            return sorted(d["Identifier"] for page in pages for d in page["ResourceDescriptions"])
        request = {"TypeName": type_name, **({"ResourceModel": json.dumps(model)} if model else {})}
        result = subprocess.run([CCS, *self.flags, "api", "ListResources", "--paginate", json.dumps(request)],
                                capture_output=True, text=True, env=self.env, timeout=60)
        assert result.returncode == 0, result.stderr
        return sorted(d["Identifier"] for d in json.loads(result.stdout)["ResourceDescriptions"])

    def close(self):
        if self.serve:
            self.serve.stop()


@pytest.fixture(params=["serve", "local"])
def backend(request, tmp_path):
    b = Backend(request.param, tmp_path)
    yield b
    b.close()


def test_create_wait_get_patch_cancel_delete(backend):
    steps, _ = backend.run("lifecycle.ccs", "e2e-group")
    assert steps[0] == {"step": "created", "id": "e2e-group", "status": "SUCCESS"}
    assert steps[1] == {"step": "got", "type": LOG_GROUP, "id": "e2e-group", "retention": 7}
    props = backend.properties(LOG_GROUP, "e2e-group")
    assert props["RetentionInDays"] == 30
    assert props["Tags"] == [{"Key": "team", "Value": "core"}]
    assert steps[2]["props"] == props
    assert steps[3] == {"step": "cancelled", "code": "RequestCancelled", "status": "CANCEL_COMPLETE"}
    assert backend.properties(LOG_GROUP, "e2e-group-cancelled") is None
    steps, _ = backend.run("teardown.ccs", "e2e-group")
    assert steps == [{"step": "deleted", "op": "DELETE", "status": "SUCCESS"}]
    assert backend.properties(LOG_GROUP, "e2e-group") is None


def test_lazy_listing_stops_after_one_page(tmp_path):
    backend = Backend("serve", tmp_path)
    try:
        for i in range(60):
            backend.boto.create_resource(TypeName=LOG_GROUP, DesiredState=json.dumps({"LogGroupName": f"lazy-{i:02}"}))
        deadline = time.time() + 30
        while len(backend.identifiers(LOG_GROUP)) < 60 and time.time() < deadline:
            time.sleep(0.1)
        out, trace = backend.run("lazy_listing.ccs", debug=True)
        assert out == [{"seen": 3, "total": 60}]
        # --debug traces every HTTP exchange: the loop's listing is one ListResources call;
        # count(list(T, {page_size: 100})) is one more.
        targets = re.findall(r"(?im)^> x-amz-target: CloudApiService\.ListResources\s*$", trace)
        assert len(targets) == 2, trace[-2000:]
    finally:
        backend.close()


def test_child_listing_with_model(backend):
    out, _ = backend.run("children.ccs")
    assert out == [{"ids": ["parent|s1", "parent|s2"], "one": "parent|s2"}]
    assert backend.identifiers("AWS::Logs::LogStream", {"LogGroupName": "parent"}) == ["parent|s1", "parent|s2"]


def test_errors_caught_with_codes(backend):
    out, _ = backend.run("errors.ccs")
    errors = out[0]
    assert errors["not_found"]["code"] == "ResourceNotFoundException"
    assert errors["not_found"]["status"] == 400
    assert errors["already_exists"] == {"code": "AlreadyExists", "status": "FAILED", "op": "CREATE"}
    # A raw patch of a create-only path reaches the service, which refuses it at once.
    assert errors["not_updatable"] == {"code": "NotUpdatableException"}
    assert errors["create_only"] == {"code": "CreateOnlyChange"}
    assert errors["type_not_found"] == {"code": "TypeNotFoundException"}
    if backend.serve:
        assert errors["not_found"]["has_request_id"] is True
    assert backend.properties(LOG_GROUP, "dup")["LogGroupName"] == "dup"


def test_wait_all(backend):
    out, _ = backend.run("wait_all.ccs")
    result = out[0]
    assert result["ids"] == ["wa-1", "wa-2", "wa-3", "wa-4"]
    assert result["failed"] == {"code": "RequestsFailed", "failures": [[0, "AlreadyExists"]]}
    assert backend.identifiers(LOG_GROUP) == ["wa-1", "wa-2", "wa-3", "wa-4", "wa-5"]
    if backend.serve:
        # Four requests of two 100 ms phases each: about 0.2 s together, 0.8 s one by one.
        assert result["elapsed"] < 0.7
