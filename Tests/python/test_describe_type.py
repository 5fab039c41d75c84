"""CloudFormation's DescribeType and extra schema folders, end to end through the binary:
boto3's `cloudformation.describe_type` against `ccs serve`; a script whose `schema()` of a type
ccs does not ship reaches it through DescribeType on `ccs serve --schemas`; and `--local` with
`--schemas`, `CCS_SCHEMAS` or the profile's `ccs_schemas`. Only loopback is ever reached
(emulator_support.py's isolated environment)."""

import json
import re
import subprocess

import boto3
import botocore.exceptions
import pytest
from botocore.config import Config

from emulator_support import (  # noqa: F401 (fixtures are used by name)
    CCS_BIN, REPO, Emulator, client_environment, isolated_aws_environment)

EXTRA = REPO / "Tests" / "CCSCloudTests" / "Fixtures" / "ExtraSchemas"
WORKGROUP = json.loads((EXTRA / "example-athena-workgroup.json").read_text())


@pytest.fixture(scope="module")
def extra(tmp_path_factory):
    emulator = Emulator(tmp_path_factory.mktemp("describe"), "--latency", "0", "--schemas", str(EXTRA)).start()
    yield emulator
    status, _, stderr = emulator.stop()
    assert status == 0, stderr


def cloudformation(emulator):
    session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
    return session.client("cloudformation", endpoint_url=emulator.url,
                          config=Config(retries={"mode": "standard", "max_attempts": 1}))


def test_boto3_describe_type_returns_the_schema_of_a_shipped_type(extra):
    answer = cloudformation(extra).describe_type(Type="RESOURCE", TypeName="AWS::SQS::Queue")
    assert answer["TypeName"] == "AWS::SQS::Queue"
    assert answer["Type"] == "RESOURCE"
    assert answer["Arn"] == "arn:aws:cloudformation:us-east-1::type/resource/AWS-SQS-Queue"
    schema = json.loads(answer["Schema"])
    assert schema["typeName"] == "AWS::SQS::Queue"
    assert schema["primaryIdentifier"] == ["/properties/QueueUrl"]


def test_boto3_describe_type_returns_a_schema_given_with_schemas(extra):
    answer = cloudformation(extra).describe_type(Type="RESOURCE", TypeName="Example::Athena::WorkGroup")
    assert json.loads(answer["Schema"]) == WORKGROUP


def test_boto3_describe_type_of_an_unknown_type_is_type_not_found(extra):
    client = cloudformation(extra)
    with pytest.raises(client.exceptions.TypeNotFoundException) as raised:
        client.describe_type(Type="RESOURCE", TypeName="AWS::No::Such")
    assert raised.value.response["Error"]["Message"] == "The type 'AWS::No::Such' cannot be found."
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_boto3_describe_type_with_a_wrong_secret_is_refused(extra):
    session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="wrong", region_name="us-east-1")
    client = session.client("cloudformation", endpoint_url=extra.url,
                            config=Config(retries={"mode": "standard", "max_attempts": 1}))
    with pytest.raises(botocore.exceptions.ClientError) as raised:
        client.describe_type(Type="RESOURCE", TypeName="AWS::SQS::Queue")
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


def run_ccs(env, *arguments):
    return subprocess.run([CCS_BIN, *arguments], capture_output=True, text=True, env=env, timeout=60)


SCRIPT = """
let s = schema("Example::Athena::WorkGroup")
print(s.typeName, s.primaryIdentifier[0], s.required)
let req = create("Example::Athena::WorkGroup", {Name: args[0], Description: "d"})
wait(req)
let w = get("Example::Athena::WorkGroup", {Name: args[0]})
print(w.id, w.props.Description)
wait(patch(w, {Description: "e"}))
print(get("Example::Athena::WorkGroup", args[0]).props.Description)
"""


def test_a_script_reaches_an_extra_type_through_describe_type(extra, tmp_path):
    script = tmp_path / "workgroup.ccs"
    script.write_text(SCRIPT)
    env = client_environment()
    env.pop("CCS_NO_SCHEMA_CACHE", None)
    env["HOME"] = str(tmp_path / "home")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    done = run_ccs(env, "--endpoint-url", extra.url, str(script), "wg-http")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        'Example::Athena::WorkGroup /properties/Name ["Name"]', "wg-http d", "e"]
    # The answer is cached on disk per region and endpoint, for the next session.
    cached = list((tmp_path / "cache" / "ccs" / "schemas" / "us-east-1").glob("*/Example-Athena-WorkGroup.json"))
    assert len(cached) == 1
    assert json.loads(cached[0].read_text()) == WORKGROUP


def test_without_the_folder_on_the_server_the_type_has_no_schema(tmp_path):
    emulator = Emulator(tmp_path / "plain", "--latency", "0").start()
    try:
        env = client_environment()
        env["HOME"] = str(tmp_path / "home")
        env["CCS_NO_SCHEMA_CACHE"] = "1"
        done = run_ccs(env, "--endpoint-url", emulator.url, "-e", 'schema("Example::Athena::WorkGroup")')
        assert done.returncode == 1
        assert "no schema for Example::Athena::WorkGroup" in done.stderr
    finally:
        emulator.stop()


def local_env(tmp_path, **extra):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "AWS_CONFIG_FILE": str(tmp_path / "config"), "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials"}
    env.update(extra)
    return env


@pytest.mark.parametrize("how", ["option", "environment", "profile"])
def test_local_with_extra_folders_makes_an_extra_type_usable(tmp_path, how):
    script = tmp_path / "workgroup.ccs"
    script.write_text(SCRIPT)
    env = local_env(tmp_path)
    arguments = ["--local"]
    if how == "option":
        arguments += ["--schemas", str(EXTRA)]
    elif how == "environment":
        env["CCS_SCHEMAS"] = f"::{EXTRA}:"  # empty entries are skipped
    else:
        (tmp_path / "config").write_text(f"[default]\nccs_schemas = {EXTRA}\n")
    done = run_ccs(env, *arguments, str(script), f"wg-{how}")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        'Example::Athena::WorkGroup /properties/Name ["Name"]', f"wg-{how} d", "e"]
    listed = run_ccs(env, *arguments, "-e", 'types("Example::Route53")')
    assert listed.stdout.strip() == '["Example::Route53::HostedZone"]', listed.stderr


def test_local_without_extra_folders_does_not_know_the_type(tmp_path):
    done = run_ccs(local_env(tmp_path), "--local", "-e", 'schema("Example::Athena::WorkGroup")')
    assert done.returncode == 1
    assert "no schema for Example::Athena::WorkGroup" in done.stderr


def test_the_repl_completes_properties_of_a_type_known_only_through_describe_type(extra, tmp_path):
    from repl_terminal import Terminal, hermetic_env

    (tmp_path / "state").mkdir()
    env = dict(hermetic_env(tmp_path / "state"), AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test",
               CCS_NO_SCHEMA_CACHE="1")
    term = Terminal(["--endpoint-url", extra.url], env, tmp_path)
    try:
        term.wait_prompt(1)
        term.type('create("Example::Athena::WorkGroup", {Desc')
        term.key("Tab")
        term.wait_for(r'\{Description$')
        term.key("C-c")
        term.line(":env")
        screen = term.wait_for(r"^schemas")
        assert re.search(r"^schemas\s+shipped, then CloudFormation DescribeType$", screen, re.MULTILINE), screen
    finally:
        term.close()


def test_an_unreachable_cloudformation_names_the_error(tmp_path):
    env = client_environment()
    env["HOME"] = str(tmp_path / "home")
    env["CCS_NO_SCHEMA_CACHE"] = "1"
    env["AWS_MAX_ATTEMPTS"] = "1"
    # Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    done = run_ccs(env, "--endpoint-url", "http://127.0.0.1:9", "-e", 'schema("Example::Athena::WorkGroup")')
    assert done.returncode == 1
    assert "schema: cannot get the schema of Example::Athena::WorkGroup:" in done.stderr, done.stderr
    # Shipped types need no network.
    shipped = run_ccs(env, "--endpoint-url", "http://127.0.0.1:9", "-e", 'schema("AWS::SQS::Queue").typeName')
    assert shipped.stdout.strip() == "AWS::SQS::Queue", shipped.stderr


@pytest.mark.parametrize("type_name, provisioning", [
    ("AWS::SQS::Queue", "FULLY_MUTABLE"),
    ("AWS::EC2::KeyPair", "IMMUTABLE"),            # no update handler
    ("AWS::Route53::RecordSet", "NON_PROVISIONABLE"),  # no handlers at all
])
def test_describe_type_provisioning_type_follows_the_handlers(extra, type_name, provisioning):
    answer = cloudformation(extra).describe_type(Type="RESOURCE", TypeName=type_name)
    assert answer["ProvisioningType"] == provisioning
    handlers = json.loads(answer["Schema"]).get("handlers", {})
    assert ("update" in handlers) == (provisioning == "FULLY_MUTABLE")
    if provisioning != "NON_PROVISIONABLE":
        assert {"create", "read", "delete"} <= set(handlers)
        assert handlers["create"]["permissions"]
