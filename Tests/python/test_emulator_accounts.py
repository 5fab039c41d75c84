"""The emulator's accounts and regions, STS, --response-delay and --rate-limit, through boto3
(an independent client): resources are kept per (account, region), the account from the
signing key (`--credentials AKID:SECRET:ACCOUNT`), the region from the SigV4 credential scope;
STS AssumeRole hands out temporary credentials of the role's account that the emulator then
accepts; GetCallerIdentity names the caller. Only loopback is reached."""

import json
import sqlite3
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
import botocore.exceptions
import pytest
from botocore.config import Config

from emulator_support import (  # noqa: F401 (fixtures are used by name)
    CCS_BIN, Emulator, client_environment, isolated_aws_environment)

NO_RETRY = Config(retries={"mode": "standard", "max_attempts": 1}, connect_timeout=10, read_timeout=30)


@pytest.fixture(scope="module")
def accounts(tmp_path_factory):
    emulator = Emulator(
        tmp_path_factory.mktemp("accounts"), "--latency", "0",
        "--credentials", "A:a:111111111111", "--credentials", "B:b:222222222222").start()
    yield emulator
    status, _, stderr = emulator.stop()
    assert status == 0, stderr


def client(emulator, service, key, secret, region="us-east-1", token=None):
    session = boto3.session.Session(
        aws_access_key_id=key, aws_secret_access_key=secret, aws_session_token=token, region_name=region)
    return session.client(service, endpoint_url=emulator.url, config=NO_RETRY)


def queue_names(cloudcontrol):
    listed = cloudcontrol.list_resources(TypeName="AWS::SQS::Queue")["ResourceDescriptions"]
    return sorted(json.loads(d["Properties"])["QueueName"] for d in listed)


def create_queue(cloudcontrol, name):
    event = cloudcontrol.create_resource(TypeName="AWS::SQS::Queue", DesiredState=json.dumps({"QueueName": name}))
    assert event["ProgressEvent"]["OperationStatus"] == "SUCCESS", event


def test_each_account_and_region_sees_only_its_own_resources(accounts):
    keys = {"111111111111": ("A", "a"), "222222222222": ("B", "b")}
    regions = ["us-east-1", "eu-west-1", "ap-southeast-2"]
    for account, (key, secret) in keys.items():
        for region in regions:
            create_queue(client(accounts, "cloudcontrol", key, secret, region), f"q-{account}-{region}")
    for account, (key, secret) in keys.items():
        for region in regions:
            cloudcontrol = client(accounts, "cloudcontrol", key, secret, region)
            assert queue_names(cloudcontrol) == [f"q-{account}-{region}"]
            model = json.loads(cloudcontrol.get_resource(
                TypeName="AWS::SQS::Queue", Identifier=f"https://sqs.{region}.amazonaws.com/{account}/q-{account}-{region}"
            )["ResourceDescription"]["Properties"])
            assert model["Arn"] == f"arn:aws:sqs:{region}:{account}:q-{account}-{region}"
    # test/test is account 123456789012 and saw none of them.
    assert queue_names(client(accounts, "cloudcontrol", "test", "test", "eu-west-1")) == []


def test_another_accounts_request_token_is_not_found(accounts):
    a = client(accounts, "cloudcontrol", "A", "a", "us-west-2")
    event = a.create_resource(TypeName="AWS::SQS::Queue", DesiredState=json.dumps({"QueueName": "tok"}))
    token = event["ProgressEvent"]["RequestToken"]
    assert a.get_resource_request_status(RequestToken=token)["ProgressEvent"]["OperationStatus"] == "SUCCESS"
    b = client(accounts, "cloudcontrol", "B", "b", "us-west-2")
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        b.get_resource_request_status(RequestToken=token)
    assert caught.value.response["Error"]["Code"] == "RequestTokenNotFoundException"
    assert b.list_resource_requests()["ResourceRequestStatusSummaries"] == []


def test_get_caller_identity_names_the_account_of_the_key(accounts):
    identity = client(accounts, "sts", "B", "b").get_caller_identity()
    assert identity["Account"] == "222222222222"
    assert identity["Arn"] == "arn:aws:iam::222222222222:root"
    assert client(accounts, "sts", "test", "test").get_caller_identity()["Account"] == "123456789012"


def test_assume_role_returns_credentials_of_the_roles_account(accounts):
    sts = client(accounts, "sts", "A", "a")
    answer = sts.assume_role(
        RoleArn="arn:aws:iam::222222222222:role/Inventory", RoleSessionName="audit", ExternalId="ext-1",
        DurationSeconds=1800)
    credentials = answer["Credentials"]
    assert credentials["AccessKeyId"].startswith("ASIA")
    remaining = credentials["Expiration"].timestamp() - time.time()
    assert 1700 < remaining <= 1810
    assert answer["AssumedRoleUser"]["Arn"] == "arn:aws:sts::222222222222:assumed-role/Inventory/audit"
    session = (credentials["AccessKeyId"], credentials["SecretAccessKey"])
    token = credentials["SessionToken"]
    identity = client(accounts, "sts", *session, token=token).get_caller_identity()
    assert identity["Account"] == "222222222222"
    assert identity["Arn"] == "arn:aws:sts::222222222222:assumed-role/Inventory/audit"
    assert identity["UserId"].startswith("AROA") and identity["UserId"].endswith(":audit")

    # The role's credentials act in account 222222222222, next to what key B made there.
    assumed = client(accounts, "cloudcontrol", *session, "sa-east-1", token=token)
    create_queue(assumed, "via-role")
    assert queue_names(client(accounts, "cloudcontrol", "B", "b", "sa-east-1")) == ["via-role"]

    # Without its session token the temporary key is refused.
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        client(accounts, "cloudcontrol", *session, "sa-east-1").list_resources(TypeName="AWS::SQS::Queue")
    assert caught.value.response["Error"]["Code"] == "UnrecognizedClientException"

    # Role chaining: a role session may assume another role for an hour at most.
    chained = client(accounts, "sts", *session, token=token)
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        chained.assume_role(RoleArn="arn:aws:iam::111111111111:role/Back", RoleSessionName="s2", DurationSeconds=7200)
    assert caught.value.response["Error"]["Code"] == "ValidationError"
    assert "role chaining" in caught.value.response["Error"]["Message"]
    back = chained.assume_role(RoleArn="arn:aws:iam::111111111111:role/Back", RoleSessionName="s2")["Credentials"]
    assert client(accounts, "sts", back["AccessKeyId"], back["SecretAccessKey"],
                  token=back["SessionToken"]).get_caller_identity()["Account"] == "111111111111"


def test_assume_role_checks_its_parameters(accounts):
    sts = client(accounts, "sts", "A", "a")
    for arguments, fragment in [
        ({"RoleArn": "arn:aws:iam::12:role/x", "RoleSessionName": "ok"}, "is invalid"),
        ({"RoleArn": "arn:aws:iam::222222222222:role/x", "RoleSessionName": "bad name"}, "roleSessionName"),
        ({"RoleArn": "arn:aws:iam::222222222222:role/x", "RoleSessionName": "ok", "DurationSeconds": 50000},
         "durationSeconds"),
    ]:
        with pytest.raises(botocore.exceptions.ClientError) as caught:
            sts.assume_role(**arguments)
        assert caught.value.response["Error"]["Code"] == "ValidationError"
        assert fragment in caught.value.response["Error"]["Message"]
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        client(accounts, "sts", "A", "wrong").get_caller_identity()
    assert caught.value.response["Error"]["Code"] == "SignatureDoesNotMatch"


def test_assume_role_with_web_identity_needs_no_signature(accounts):
    sts = client(accounts, "sts", "A", "a")
    answer = sts.assume_role_with_web_identity(
        RoleArn="arn:aws:iam::222222222222:role/ci", RoleSessionName="gha", WebIdentityToken="header.payload.sig")
    assert answer["AssumedRoleUser"]["Arn"] == "arn:aws:sts::222222222222:assumed-role/ci/gha"


def test_response_delay_overlaps_concurrent_requests(tmp_path):
    emulator = Emulator(tmp_path, "--latency", "0", "--response-delay", "300").start()
    try:
        cloudcontrol = client(emulator, "cloudcontrol", "test", "test")
        cloudcontrol.list_resources(TypeName="AWS::SQS::Queue")  # connect once
        started = time.monotonic()
        cloudcontrol.list_resources(TypeName="AWS::SQS::Queue")
        assert time.monotonic() - started >= 0.3
        clients = [client(emulator, "cloudcontrol", "test", "test") for _ in range(8)]
        started = time.monotonic()
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda c: c.list_resources(TypeName="AWS::SQS::Queue"), clients))
        # Eight 300 ms delays overlap: well below 8 × 0.3 s.
        assert time.monotonic() - started < 1.6
    finally:
        status, _, stderr = emulator.stop()
        assert status == 0, stderr


def test_rate_limit_throttles_each_account_and_region_separately(tmp_path):
    emulator = Emulator(tmp_path, "--latency", "0", "--rate-limit", "1", "--credentials", "A:a:111111111111").start()
    try:
        def burst(key, secret, region):
            cloudcontrol = client(emulator, "cloudcontrol", key, secret, region)
            codes = []
            for _ in range(8):
                try:
                    cloudcontrol.list_resources(TypeName="AWS::SQS::Queue")
                    codes.append("ok")
                except botocore.exceptions.ClientError as error:
                    codes.append(error.response["Error"]["Code"])
                    assert "--rate-limit of 1 requests/s" in error.response["Error"]["Message"]
            return codes

        # A bucket of one token refilling at 1/s: the first request passes, most of the rest
        # (sent within a second or two) are throttled.
        first = burst("test", "test", "us-east-1")
        assert first[0] == "ok" and first.count("ThrottlingException") >= 4, first
        # Another region of the same account, and another account, have their own buckets.
        assert burst("test", "test", "eu-west-1")[0] == "ok"
        assert burst("A", "a", "us-east-1")[0] == "ok"
    finally:
        status, _, stderr = emulator.stop()
        assert status == 0, stderr


def test_credentials_with_a_malformed_account_are_refused(tmp_path):
    run = subprocess.run(
        [CCS_BIN, "serve", "--port", "0", "--db", str(tmp_path / "x.sqlite"), "--credentials", "K:s:12345"],
        capture_output=True, text=True, env=client_environment(), timeout=60)
    assert run.returncode == 2
    assert "ACCESS_KEY_ID:SECRET_ACCESS_KEY[:ACCOUNT_ID]" in run.stderr
    assert "K:s" not in run.stderr


def test_a_version_2_database_keeps_its_resources_in_the_default_partition(tmp_path):
    db = tmp_path / "old.sqlite"
    connection = sqlite3.connect(db)
    connection.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta VALUES ('schema_version', '2');
        CREATE TABLE resources (seq INTEGER PRIMARY KEY AUTOINCREMENT, type_name TEXT NOT NULL,
          identifier TEXT NOT NULL, model TEXT NOT NULL, visible_after REAL NOT NULL DEFAULT 0,
          UNIQUE (type_name, identifier));
        CREATE TABLE requests (seq INTEGER PRIMARY KEY AUTOINCREMENT, token TEXT NOT NULL UNIQUE,
          operation TEXT NOT NULL, type_name TEXT NOT NULL, identifier TEXT NOT NULL, client_token TEXT,
          fingerprint TEXT NOT NULL, created REAL NOT NULL, phase REAL NOT NULL, model TEXT, cancel_time REAL,
          outcome TEXT, error_code TEXT, status_message TEXT, hooks_token TEXT NOT NULL, due REAL NOT NULL);
        INSERT INTO resources (type_name, identifier, model) VALUES
          ('AWS::Logs::LogGroup', 'kept', '{"LogGroupName":"kept","Arn":"arn:aws:logs:eu-west-2:999999999999:log-group:kept:*"}');
    """)
    connection.execute(
        "INSERT INTO requests (token, operation, type_name, identifier, fingerprint, created, phase, outcome,"
        " hooks_token, due) VALUES ('tok-1', 'CREATE', 'AWS::Logs::LogGroup', 'kept', 'f', ?, 0, 'SUCCESS', 'h', ?)",
        (time.time(), time.time()))
    connection.commit()
    connection.close()
    emulator = Emulator(tmp_path, "--latency", "0", "--region", "eu-west-2", "--account", "999999999999")
    emulator.db = db
    emulator.start()
    try:
        cloudcontrol = client(emulator, "cloudcontrol", "test", "test", "eu-west-2")
        listed = cloudcontrol.list_resources(TypeName="AWS::Logs::LogGroup")["ResourceDescriptions"]
        assert [d["Identifier"] for d in listed] == ["kept"]
        assert cloudcontrol.get_resource_request_status(RequestToken="tok-1")["ProgressEvent"]["Identifier"] == "kept"
        # Other regions start empty, and an identifier may be reused there.
        other = client(emulator, "cloudcontrol", "test", "test", "us-east-1")
        assert other.list_resources(TypeName="AWS::Logs::LogGroup")["ResourceDescriptions"] == []
        event = other.create_resource(TypeName="AWS::Logs::LogGroup", DesiredState=json.dumps({"LogGroupName": "kept"}))
        assert event["ProgressEvent"]["OperationStatus"] == "SUCCESS"
    finally:
        status, _, stderr = emulator.stop()
        assert status == 0, stderr
    version = sqlite3.connect(db).execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert version == "3"
