"""`ccs api` against a loopback server that checks every signature with botocore (issue 2,
"Done when"). Needs CCS_BIN, the built ccs binary (scripts/test.sh sets it)."""

import json
import os
import subprocess

import pytest

from signing_server import ACCESS_KEY, OPERATIONS, REGION, SECRET_KEY, SESSION_TOKEN, CloudControlStandIn

CCS = os.environ.get("CCS_BIN", "ccs")

INPUTS = {
    "CreateResource": {"TypeName": "AWS::Logs::LogGroup", "DesiredState": json.dumps({"LogGroupName": "ccs-test"})},
    "GetResource": {"TypeName": "AWS::Logs::LogGroup", "Identifier": "ccs-test"},
    "ListResources": {"TypeName": "AWS::Logs::LogGroup"},
    "UpdateResource": {"TypeName": "AWS::Logs::LogGroup", "Identifier": "ccs-test",
                       "PatchDocument": json.dumps([{"op": "replace", "path": "/RetentionInDays", "value": 30}])},
    "DeleteResource": {"TypeName": "AWS::Logs::LogGroup", "Identifier": "ccs-test"},
    "GetResourceRequestStatus": {"RequestToken": "0f5e4a3c-1b2d-4e6f-8a9b-0c1d2e3f4a5b"},
    "ListResourceRequests": {"ResourceRequestStatusFilter": {"Operations": ["CREATE"]}},
    "CancelResourceRequest": {"RequestToken": "0f5e4a3c-1b2d-4e6f-8a9b-0c1d2e3f4a5b"},
}


@pytest.fixture
def server():
    stand_in = CloudControlStandIn().start()
    yield stand_in
    stand_in.shutdown()
    stand_in.server_close()


@pytest.fixture
def env(tmp_path):
    config = tmp_path / "config"
    credentials = tmp_path / "credentials"
    config.write_text("")
    credentials.write_text("")
    environment = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    environment.update({
        "HOME": str(tmp_path),
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_SESSION_TOKEN": SESSION_TOKEN,
        "AWS_REGION": REGION,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_CONFIG_FILE": str(config),
        "AWS_SHARED_CREDENTIALS_FILE": str(credentials),
    })
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        environment.pop(proxy, None)
    return environment


def ccs_api(server, env, *arguments):
    return subprocess.run([CCS, "api", *arguments, "--endpoint-url", server.url],
                          env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_every_operation_is_accepted(server, env, operation):
    result = ccs_api(server, env, operation, json.dumps(INPUTS[operation]))
    assert server.rejections == []
    assert result.returncode == 0, result.stderr
    assert [entry[0] for entry in server.log] == [operation]
    assert server.user_agents[0].startswith("ccs/"), server.user_agents
    sent = server.log[0][1]
    for key, value in INPUTS[operation].items():
        assert sent[key] == value
    if operation == "CreateResource":
        assert len(sent["ClientToken"]) == 36
    output = json.loads(result.stdout)
    assert isinstance(output, dict)
    if "ProgressEvent" in output:
        assert output["ProgressEvent"]["EventTime"].startswith("2026-01-01T00:00:00.123000")


def test_throttled_create_succeeds_on_third_attempt_with_one_client_token(server, env):
    server.throttle["CreateResource"] = 2
    result = ccs_api(server, env, "CreateResource", json.dumps(INPUTS["CreateResource"]))
    assert server.rejections == []
    assert result.returncode == 0, result.stderr
    attempts = [payload for operation, payload in server.log if operation == "CreateResource"]
    assert len(attempts) == 3
    tokens = {payload["ClientToken"] for payload in attempts}
    assert len(tokens) == 1
    assert json.loads(result.stdout)["ProgressEvent"]["Identifier"] == "ccs-test"


def test_list_resources_paginate_returns_every_resource(server, env):
    result = ccs_api(server, env, "ListResources", '{"TypeName":"AWS::Logs::LogGroup"}', "--paginate")
    assert server.rejections == []
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert [d["Identifier"] for d in output["ResourceDescriptions"]] == server.resources
    assert "NextToken" not in output
    assert len(server.log) == 3  # 7 resources, pages of 3


def test_input_from_stdin(server, env):
    result = subprocess.run([CCS, "api", "GetResource", "--endpoint-url", server.url], env=env,
                            input=json.dumps(INPUTS["GetResource"]), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ResourceDescription"]["Identifier"] == "ccs-test"


def test_api_error_goes_to_stderr_with_its_type(server, env):
    env["AWS_MAX_ATTEMPTS"] = "1"
    server.throttle["GetResource"] = 1
    result = ccs_api(server, env, "GetResource", json.dumps(INPUTS["GetResource"]))
    assert result.returncode == 254
    assert "ThrottlingException: Rate exceeded" in result.stderr
    assert result.stdout == ""


def test_debug_traces_the_exchange_without_secrets(server, env):
    result = ccs_api(server, env, "GetResource", json.dumps(INPUTS["GetResource"]), "--debug")
    assert result.returncode == 0, result.stderr
    assert "canonical request:" in result.stderr
    assert "string to sign:" in result.stderr
    assert "> X-Amz-Target: CloudApiService.GetResource" in result.stderr
    assert "< HTTP 200" in result.stderr
    assert "Signature=<redacted>" in result.stderr
    assert SECRET_KEY not in result.stderr
    assert SESSION_TOKEN not in result.stderr
    assert json.loads(result.stdout)["ResourceDescription"]["Identifier"] == "ccs-test"


@pytest.mark.parametrize("arguments, message", [
    (["NoSuchOperation", "{}"], "unknown operation 'NoSuchOperation'"),
    ([], "missing OPERATION"),
    (["GetResource", "{}", "--paginate"], "--paginate applies to ListResources and ListResourceRequests"),
    (["GetResource", '{"TypeName": "AWS::Logs::LogGroup", "Identifier": "x", "Bogus": 1}'], "Bogus"),
    (["GetResource", '{"TypeName": "bad", "Identifier": "x"}'], "TypeName"),
    (["GetResource", "{not json"], "GetResource"),
])
def test_usage_errors_exit_2_before_any_request(server, env, arguments, message):
    result = ccs_api(server, env, *arguments)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert server.log == [] and server.rejections == []


def test_connection_refused_exits_255_naming_the_host(env):
    env["AWS_MAX_ATTEMPTS"] = "1"
    result = subprocess.run([CCS, "api", "GetResource", json.dumps(INPUTS["GetResource"]),
                             "--endpoint-url", "http://127.0.0.1:9"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 255
    assert "127.0.0.1:9" in result.stderr
    assert "connection refused" in result.stderr


@pytest.mark.parametrize("variable", ["http_proxy", "HTTP_PROXY"])
def test_proxy_from_the_environment_is_used(server, env, variable):
    # The endpoint's host does not resolve; only the proxy (the stand-in) can answer.
    env[variable] = server.url
    result = subprocess.run([CCS, "api", "GetResource", json.dumps(INPUTS["GetResource"]),
                             "--endpoint-url", "http://cloudcontrol.invalid"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert server.rejections == []
    assert result.returncode == 0, result.stderr
    assert server.targets == ["http://cloudcontrol.invalid/"]


def test_no_proxy_bypasses_the_proxy(server, env):
    env["http_proxy"] = "http://127.0.0.1:9"
    env["no_proxy"] = "127.0.0.1"
    result = ccs_api(server, env, "GetResource", json.dumps(INPUTS["GetResource"]))
    assert result.returncode == 0, result.stderr
    assert server.targets == ["/"]


def test_global_options_may_precede_the_subcommand(server, env):
    result = subprocess.run([CCS, "--endpoint-url", server.url, "--region", REGION, "api", "GetResource",
                             json.dumps(INPUTS["GetResource"])], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert [entry[0] for entry in server.log] == ["GetResource"]


def test_local_runs_the_in_process_emulator(env, tmp_path):
    database = tmp_path / "local.sqlite"

    def api(*arguments):
        result = subprocess.run([CCS, f"--local={database}", "api", *arguments], env=env,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    created = api("CreateResource", json.dumps(INPUTS["CreateResource"]))["ProgressEvent"]
    assert created["Identifier"] == "ccs-test"
    status = api("GetResourceRequestStatus", json.dumps({"RequestToken": created["RequestToken"]}))
    assert status["ProgressEvent"]["RequestToken"] == created["RequestToken"]
    listed = api("ListResourceRequests", "{}", "--paginate")
    assert created["RequestToken"] in [s["RequestToken"] for s in listed["ResourceRequestStatusSummaries"]]
