"""`ccs api` prints what `aws cloudcontrol` (the AWS CLI, with cli_timestamp_format = iso8601)
prints for the same responses: both are run against the same signature-checking stand-in and
their stdout compared byte for byte. RequestTokens the stand-in makes up per call are masked."""

import json
import os
import re
import shutil
import subprocess

import pytest

from signing_server import ACCESS_KEY, OPERATIONS, REGION, SECRET_KEY, SESSION_TOKEN, CloudControlStandIn
from test_api_signing import INPUTS

CCS = os.environ.get("CCS_BIN", "ccs")
pytestmark = pytest.mark.skipif(shutil.which("aws") is None, reason="the AWS CLI (awscli) is not installed")


@pytest.fixture
def server():
    stand_in = CloudControlStandIn().start()
    yield stand_in
    stand_in.shutdown()
    stand_in.server_close()


def environment(tmp_path, time_zone):
    config = tmp_path / "config"
    config.write_text("[default]\ncli_timestamp_format = iso8601\n")
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env.update({"HOME": str(tmp_path), "TZ": time_zone, "AWS_ACCESS_KEY_ID": ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY": SECRET_KEY, "AWS_SESSION_TOKEN": SESSION_TOKEN,
                "AWS_REGION": REGION, "AWS_DEFAULT_REGION": REGION, "AWS_EC2_METADATA_DISABLED": "true",
                "AWS_CONFIG_FILE": str(config), "AWS_SHARED_CREDENTIALS_FILE": str(config)})
    return env


def masked(text):
    return re.sub(r'"RequestToken": "[^"]*"', '"RequestToken": "<token>"', text)


@pytest.mark.parametrize("time_zone", ["UTC", "Asia/Kolkata"])
@pytest.mark.parametrize("operation", OPERATIONS)
def test_output_matches_the_aws_cli(server, tmp_path, operation, time_zone):
    env = environment(tmp_path, time_zone)
    command = re.sub(r"(?<!^)(?=[A-Z])", "-", operation).lower()
    # The AWS CLI paginates list operations by default; ccs does with --paginate.
    paginate = ["--paginate"] if operation.startswith("List") else []
    aws = subprocess.run(["aws", "cloudcontrol", command, "--cli-input-json", json.dumps(INPUTS[operation]),
                          "--endpoint-url", server.url], env=env, capture_output=True, text=True, timeout=120)
    ccs = subprocess.run([CCS, "api", operation, json.dumps(INPUTS[operation]), "--endpoint-url", server.url, *paginate],
                         env=env, capture_output=True, text=True, timeout=60)
    assert aws.returncode == 0, aws.stderr
    assert ccs.returncode == 0, ccs.stderr
    assert server.rejections == []
    assert masked(ccs.stdout) == masked(aws.stdout)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_text_output_matches_the_aws_cli(server, tmp_path, operation):
    env = environment(tmp_path, "UTC")
    command = re.sub(r"(?<!^)(?=[A-Z])", "-", operation).lower()
    paginate = ["--paginate"] if operation.startswith("List") else []
    aws = subprocess.run(["aws", "cloudcontrol", command, "--cli-input-json", json.dumps(INPUTS[operation]),
                          "--endpoint-url", server.url, "--output", "text"], env=env, capture_output=True, text=True,
                         timeout=120)
    # The AWS CLI's name of the command, with the kebab-case options, in ccs's own form.
    ccs = subprocess.run([CCS, "api", command, json.dumps(INPUTS[operation]), "--endpoint-url", server.url,
                          "--output", "text", *paginate], env=env, capture_output=True, text=True, timeout=60)
    assert aws.returncode == 0, aws.stderr
    assert ccs.returncode == 0, ccs.stderr
    token = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    assert token.sub("<token>", ccs.stdout) == token.sub("<token>", aws.stdout)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_yaml_output_reads_back_as_the_json_output(server, tmp_path, operation):
    yaml = pytest.importorskip("yaml")
    env = environment(tmp_path, "UTC")
    paginate = ["--paginate"] if operation.startswith("List") else []
    outputs = {}
    for form in ("json", "yaml"):
        result = subprocess.run([CCS, "api", operation, json.dumps(INPUTS[operation]), "--endpoint-url", server.url,
                                 "--properties", "--output", form, *paginate], env=env, capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 0, result.stderr
        outputs[form] = result.stdout
    # RequestTokens differ per call; everything else must read back the same.
    strip = lambda document: json.loads(re.sub(r'"RequestToken": "[^"]*"', '"RequestToken": ""', json.dumps(document)))
    assert strip(yaml.safe_load(outputs["yaml"])) == strip(json.loads(outputs["json"]))
