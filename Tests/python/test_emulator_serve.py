"""The `ccs serve` process (one stdout line, signals, restart on the same database, option
errors) and the AWS CLI's `aws cloudcontrol` commands against it with `--endpoint-url`."""

import json
import signal
import subprocess

import boto3

from emulator_support import (  # noqa: F401 (fixtures are used by name)
    CCS_BIN, Emulator, client_environment, create_log_group, fast, fast_waiter_config,
    glacial, isolated_aws_environment, listed_topic_names, topics, unique)


# ---------------------------------------------------------------- the server process


def test_prints_one_line_and_stops_cleanly_on_sigint_keeping_its_data(tmp_path_factory):
    directory = tmp_path_factory.mktemp("restart")
    emulator = Emulator(directory, "--latency", "0").start()
    name = unique("kept")
    create_log_group(emulator.client(), name)
    status, rest, stderr = emulator.stop(signal.SIGINT)
    assert status == 0
    assert rest == ""  # exactly one line on stdout
    assert "received SIGINT" in stderr

    again = Emulator(directory, "--latency", "0").start()
    try:
        got = again.client().get_resource(TypeName="AWS::Logs::LogGroup", Identifier=name)
        assert got["ResourceDescription"]["Identifier"] == name
    finally:
        assert again.stop()[0] == 0


def test_unfinished_requests_resume_after_a_restart(tmp_path_factory):
    directory = tmp_path_factory.mktemp("resume")
    emulator = Emulator(directory, "--latency", "800").start()
    name = unique("resumed")
    token = create_log_group(emulator.client(), name)["RequestToken"]
    assert emulator.stop()[0] == 0
    again = Emulator(directory, "--latency", "800").start()
    try:
        c = again.client()
        c.get_waiter("resource_request_success").wait(RequestToken=token, WaiterConfig=fast_waiter_config())
        assert c.get_resource(TypeName="AWS::Logs::LogGroup", Identifier=name)["ResourceDescription"]
    finally:
        assert again.stop()[0] == 0


def test_region_and_account_shape_generated_identifiers(tmp_path_factory):
    emulator = Emulator(tmp_path_factory.mktemp("region"), "--latency", "0", "--region", "eu-west-3",
                        "--account", "111122223333").start()
    try:
        # The key test/test acts in --account; the region is the one the client signs for
        # (each region keeps its own resources, docs/EMULATOR.md "Accounts and regions").
        event = emulator.client().create_resource(
            TypeName="AWS::SQS::Queue", DesiredState=json.dumps({"QueueName": "jobs"}))["ProgressEvent"]
        assert event["Identifier"] == "https://sqs.us-east-1.amazonaws.com/111122223333/jobs"
        session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="eu-west-3")
        paris = session.client("cloudcontrol", endpoint_url=emulator.url)
        event = paris.create_resource(
            TypeName="AWS::SQS::Queue", DesiredState=json.dumps({"QueueName": "jobs"}))["ProgressEvent"]
        assert event["Identifier"] == "https://sqs.eu-west-3.amazonaws.com/111122223333/jobs"
    finally:
        assert emulator.stop()[0] == 0


def test_verbose_logs_each_request_on_stderr(tmp_path_factory):
    emulator = Emulator(tmp_path_factory.mktemp("verbose"), "--latency", "0", "--verbose").start()
    emulator.client().list_resources(TypeName="AWS::S3::Bucket")
    status, rest, stderr = emulator.stop()
    assert status == 0
    assert rest == ""
    assert "ccs serve: ListResources 200 " in stderr


def test_rejects_invalid_options():
    result = subprocess.run([CCS_BIN, "serve", "--faults", "throttle=2"], capture_output=True, text=True,
                            env=client_environment(), timeout=30)
    assert result.returncode == 2
    assert "throttle=2" in result.stderr
    result = subprocess.run([CCS_BIN, "serve", "--credentials", "nocolon"], capture_output=True, text=True,
                            env=client_environment(), timeout=30)
    assert result.returncode == 2
    assert "AKID" in result.stderr or "ACCESS_KEY_ID" in result.stderr


# ---------------------------------------------------------------- the AWS CLI


def aws(emulator, *arguments, check=True):
    result = subprocess.run(
        ["aws", "cloudcontrol", *arguments, "--endpoint-url", emulator.url, "--region", "us-east-1",
         "--output", "json"],
        capture_output=True, text=True, env=client_environment(), timeout=120)
    if check:
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout) if result.stdout.strip() else None
    return result


def test_aws_cli_every_command(fast, glacial):
    name = unique("cli")
    created = aws(fast, "create-resource", "--type-name", "AWS::Logs::LogGroup",
                  "--desired-state", json.dumps({"LogGroupName": name}))["ProgressEvent"]
    aws(fast, "wait", "resource-request-success", "--request-token", created["RequestToken"])
    status = aws(fast, "get-resource-request-status", "--request-token", created["RequestToken"])
    assert status["ProgressEvent"]["OperationStatus"] == "SUCCESS"
    got = aws(fast, "get-resource", "--type-name", "AWS::Logs::LogGroup", "--identifier", name)
    assert got["ResourceDescription"]["Identifier"] == name
    updated = aws(fast, "update-resource", "--type-name", "AWS::Logs::LogGroup", "--identifier", name,
                  "--patch-document", json.dumps([{"op": "add", "path": "/RetentionInDays", "value": 14}]))
    assert updated["ProgressEvent"]["Operation"] == "UPDATE"
    listed = aws(fast, "list-resources", "--type-name", "AWS::Logs::LogGroup")
    assert name in [d["Identifier"] for d in listed["ResourceDescriptions"]]
    requests = aws(fast, "list-resource-requests", "--resource-request-status-filter",
                   "Operations=UPDATE,OperationStatuses=SUCCESS")
    assert updated["ProgressEvent"]["RequestToken"] in \
        [s["RequestToken"] for s in requests["ResourceRequestStatusSummaries"]]
    deleted = aws(fast, "delete-resource", "--type-name", "AWS::Logs::LogGroup", "--identifier", name)
    assert deleted["ProgressEvent"]["Operation"] == "DELETE"

    pending = aws(glacial, "create-resource", "--type-name", "AWS::Logs::LogGroup",
                  "--desired-state", json.dumps({"LogGroupName": unique("cli-cancel")}))["ProgressEvent"]
    cancelled = aws(glacial, "cancel-resource-request", "--request-token", pending["RequestToken"])
    assert cancelled["ProgressEvent"]["OperationStatus"] in ("CANCEL_IN_PROGRESS", "CANCEL_COMPLETE")


def test_aws_cli_pagination(fast, topics):
    head = aws(fast, "list-resources", "--type-name", "AWS::SNS::Topic", "--max-items", "30", "--page-size", "20")
    assert listed_topic_names(head["ResourceDescriptions"]) == topics[:30]
    tail = aws(fast, "list-resources", "--type-name", "AWS::SNS::Topic", "--starting-token", head["NextToken"])
    assert listed_topic_names(tail["ResourceDescriptions"]) == topics[30:]


def test_aws_cli_errors(fast):
    result = aws(fast, "get-resource", "--type-name", "AWS::Logs::LogGroup", "--identifier", unique("absent"),
                 check=False)
    # AWS CLI v1 exits 255 on a service error, v2 254.
    assert result.returncode in (254, 255)
    assert "(ResourceNotFoundException)" in result.stderr
    result = aws(fast, "list-resources", "--type-name", "AWS::Nope::Thing", check=False)
    assert "(TypeNotFoundException)" in result.stderr


# ---------------------------------------------------------------- ccs's own client


def test_ccs_api_against_ccs_serve(fast):
    """ccs's HTTP client (libcurl, SigV4, awsJson1_0) against its own server."""
    name = unique("own")
    endpoint = ["--endpoint-url", fast.url, "--region", "us-east-1"]
    created = subprocess.run(
        [CCS_BIN, "api", "CreateResource",
         json.dumps({"TypeName": "AWS::Logs::LogGroup", "DesiredState": json.dumps({"LogGroupName": name})}),
         *endpoint], capture_output=True, text=True, env=client_environment(), timeout=60)
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout)["ProgressEvent"]["Identifier"] == name
    missing = subprocess.run(
        [CCS_BIN, "api", "GetResource", json.dumps({"TypeName": "AWS::Logs::LogGroup", "Identifier": unique("no")}),
         *endpoint], capture_output=True, text=True, env=client_environment(), timeout=60)
    assert missing.returncode == 254
    assert "ResourceNotFoundException" in missing.stderr
