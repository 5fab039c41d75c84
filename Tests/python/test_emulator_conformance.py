"""boto3 against `ccs serve`: behaviours the real Cloud Control derives from the registry
schema's `handlers` section (issue 13), each as the service answers it. The evidence for each
rule (issues quoting the real messages) is in docs/EMULATOR.md, "Errors: immediate exceptions
and FAILED progress events" and "Listing".
"""

import json

import botocore.exceptions
import pytest

from emulator_support import client, fast, isolated_aws_environment, unique  # noqa: F401 (fixtures)


# ---------------------------------------------------------------- UnsupportedActionException


def test_listing_a_type_without_a_list_handler_is_unsupported(client):
    # AWS::ApiGateway::Method's schema declares create, read, update and delete only.
    with pytest.raises(client.exceptions.UnsupportedActionException) as error:
        client.list_resources(TypeName="AWS::ApiGateway::Method")
    assert error.value.response["Error"]["Message"] == (
        "Resource type AWS::ApiGateway::Method does not support LIST action")
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_updating_an_immutable_type_is_unsupported_before_the_resource_is_looked_up(client):
    # AWS::EC2::KeyPair has no update handler (IMMUTABLE): refused synchronously, whether or
    # not the resource exists, and no request is recorded.
    name = unique("key")
    created = client.create_resource(
        TypeName="AWS::EC2::KeyPair", DesiredState=json.dumps({"KeyName": name}))["ProgressEvent"]
    assert created["OperationStatus"] == "SUCCESS"
    patch = json.dumps([{"op": "add", "path": "/Tags", "value": [{"Key": "a", "Value": "b"}]}])
    for identifier in [name, unique("missing-key")]:
        with pytest.raises(client.exceptions.UnsupportedActionException) as error:
            client.update_resource(TypeName="AWS::EC2::KeyPair", Identifier=identifier, PatchDocument=patch)
        assert error.value.response["Error"]["Message"] == (
            "Resource type AWS::EC2::KeyPair does not support UPDATE action")
    updates = client.list_resource_requests(
        ResourceRequestStatusFilter={"Operations": ["UPDATE"]})["ResourceRequestStatusSummaries"]
    assert not [u for u in updates if u["TypeName"] == "AWS::EC2::KeyPair"]


def test_a_type_published_without_handlers_supports_no_operation(client):
    # AWS::Route53::RecordSet is provisioned by CloudFormation itself; its registry schema
    # has no handlers, so Cloud Control can neither create nor list it.
    with pytest.raises(client.exceptions.UnsupportedActionException) as error:
        client.create_resource(
            TypeName="AWS::Route53::RecordSet",
            DesiredState=json.dumps({"Name": "a.example.com.", "Type": "A", "HostedZoneName": "example.com."}))
    assert error.value.response["Error"]["Message"] == (
        "Resource type AWS::Route53::RecordSet does not support CREATE action")
    with pytest.raises(client.exceptions.UnsupportedActionException):
        client.list_resources(TypeName="AWS::Route53::RecordSet")


# ---------------------------------------------------------------- listing requirements


@pytest.mark.parametrize("type_name, key", [
    ("AWS::ApiGateway::Stage", "RestApiId"),
    # Not among the 10 child types the emulator knew before the registry's handlerSchema.
    ("AWS::ApplicationAutoScaling::ScalingPolicy", "ServiceNamespace"),
])
def test_a_child_type_is_listed_only_with_the_keys_its_list_handler_requires(client, type_name, key):
    with pytest.raises(client.exceptions.InvalidRequestException) as error:
        client.list_resources(TypeName=type_name)
    assert error.value.response["Error"]["Message"] == (
        f"Missing or invalid ResourceModel property in {type_name} list handler request input."
        f"Required property:  (#: required key [{key}] not found)")
    listed = client.list_resources(TypeName=type_name, ResourceModel=json.dumps({key: "parent"}))
    assert listed["ResourceDescriptions"] == []


def test_every_missing_key_is_named(client):
    with pytest.raises(client.exceptions.InvalidRequestException) as error:
        client.list_resources(
            TypeName="AWS::AppConfig::Deployment", ResourceModel=json.dumps({"ApplicationId": "app"}))
    assert error.value.response["Error"]["Message"].endswith(
        "(#: required key [EnvironmentId] not found)")
    with pytest.raises(client.exceptions.InvalidRequestException) as error:
        client.list_resources(TypeName="AWS::AppConfig::Deployment")
    assert error.value.response["Error"]["Message"].endswith(
        "(#: required key [ApplicationId] not found, #: required key [EnvironmentId] not found)")


def test_a_top_level_type_lists_without_a_model(client):
    assert client.list_resources(TypeName="AWS::Logs::LogGroup")["TypeName"] == "AWS::Logs::LogGroup"


# ---------------------------------------------------------------- synchronous model validation


def validation_error(call):
    with pytest.raises(botocore.exceptions.ClientError) as error:
        call()
    response = error.value.response
    assert (response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"]) == (
        "ValidationException", 400)
    return response["Error"]["Message"]


def test_create_with_an_extraneous_key_is_a_validation_exception(client):
    message = validation_error(lambda: client.create_resource(
        TypeName="AWS::Logs::LogGroup",
        DesiredState=json.dumps({"LogGroupName": unique("extra"), "Id": "x",
                                 "Tags": [{"Key": "k", "Value": "v", "Arn": "a"}]})))
    assert message == (
        "Model validation failed (#: extraneous key [Id] is not permitted\n"
        "    #/Tags/0: extraneous key [Arn] is not permitted)")


def test_create_without_a_required_key_is_a_validation_exception(client):
    message = validation_error(lambda: client.create_resource(
        TypeName="AWS::Logs::LogStream", DesiredState=json.dumps({"LogStreamName": "s"})))
    assert message == "Model validation failed (#: required key [LogGroupName] not found)"
    requests = client.list_resource_requests()["ResourceRequestStatusSummaries"]
    assert not [r for r in requests if r["TypeName"] == "AWS::Logs::LogStream"], "nothing was recorded"


def test_update_whose_result_breaks_the_schema_is_a_validation_exception(client):
    name = unique("valid")
    client.create_resource(TypeName="AWS::Logs::LogGroup", DesiredState=json.dumps({"LogGroupName": name}))
    message = validation_error(lambda: client.update_resource(
        TypeName="AWS::Logs::LogGroup", Identifier=name,
        PatchDocument=json.dumps([{"op": "add", "path": "/RetentionInDays", "value": "seven"}])))
    assert message == "Model validation failed (#/RetentionInDays: expected integer, got string)"


def test_a_patch_touching_create_only_properties_is_not_updatable(client):
    name = unique("fixed")
    client.create_resource(TypeName="AWS::Logs::LogGroup", DesiredState=json.dumps({"LogGroupName": name}))
    with pytest.raises(client.exceptions.NotUpdatableException) as error:
        client.update_resource(
            TypeName="AWS::Logs::LogGroup", Identifier=name,
            PatchDocument=json.dumps([
                {"op": "replace", "path": "/LogGroupName", "value": "renamed"},
                {"op": "add", "path": "/RetentionInDays", "value": 7}]))
    assert error.value.response["Error"]["Message"] == (
        "Invalid patch update: createOnlyProperties [/properties/LogGroupName] cannot be updated")
    properties = json.loads(client.get_resource(
        TypeName="AWS::Logs::LogGroup", Identifier=name)["ResourceDescription"]["Properties"])
    assert "RetentionInDays" not in properties, "nothing of the patch was applied"


# ---------------------------------------------------------------- generated values and defaults


def _created_properties(client, type_name, desired):
    event = client.create_resource(TypeName=type_name, DesiredState=json.dumps(desired))["ProgressEvent"]
    waiter = client.get_waiter("resource_request_success")
    waiter.wait(RequestToken=event["RequestToken"], WaiterConfig={"Delay": 0.1, "MaxAttempts": 100})
    done = client.get_resource_request_status(RequestToken=event["RequestToken"])["ProgressEvent"]
    got = client.get_resource(TypeName=type_name, Identifier=done["Identifier"])
    return done["Identifier"], json.loads(got["ResourceDescription"]["Properties"])


def test_ec2_ids_and_addresses_have_the_real_formats(client):
    import re
    _, instance = _created_properties(client, "AWS::EC2::Instance", {"ImageId": "ami-0abcdef1234567890"})
    assert re.fullmatch(r"i-[0-9a-f]{17}", instance["InstanceId"])
    assert re.fullmatch(r"10\.0\.\d+\.\d+", instance["PrivateIp"])
    assert instance["PrivateDnsName"] == "ip-%s.ec2.internal" % instance["PrivateIp"].replace(".", "-")
    _, address = _created_properties(client, "AWS::EC2::EIP", {})
    assert re.fullmatch(r"eipalloc-[0-9a-f]{17}", address["AllocationId"])
    _, zone = _created_properties(client, "AWS::Route53::HostedZone", {"Name": unique("zone") + ".example.com."})
    assert len(zone["NameServers"]) == 4


def test_a_db_instance_without_identifier_gets_a_generated_one(client):
    # CloudFormation names a DB instance whose DBInstanceIdentifier is left out; the endpoint
    # is the instance's DNS name in the region, on the engine's port.
    identifier, db = _created_properties(
        client, "AWS::RDS::DBInstance", {"Engine": "postgres", "DBInstanceClass": "db.t3.micro"})
    assert identifier == db["DBInstanceIdentifier"]
    assert db["Endpoint"]["Address"].startswith(identifier + ".")
    assert db["Endpoint"]["Address"].endswith(".us-east-1.rds.amazonaws.com")
    assert db["Endpoint"]["Port"] == "5432"


def test_schema_defaults_are_returned_on_read(client):
    _, group = _created_properties(client, "AWS::Logs::LogGroup", {"LogGroupName": unique("/defaults")})
    assert group["LogGroupClass"] == "STANDARD"


def test_list_resource_requests_pages_by_twenty_by_default(client):
    # "The default is 20." (ListResourceRequests, MaxResults, in the API reference.)
    for _ in range(22):
        client.create_resource(TypeName="AWS::SQS::Queue", DesiredState=json.dumps({"QueueName": unique("page")}))
    page = client.list_resource_requests()
    assert len(page["ResourceRequestStatusSummaries"]) == 20
    assert page.get("NextToken")


# ---------------------------------------------------------------- hooks


def test_hooks_progress_event_when_a_hook_plan_is_configured(tmp_path_factory):
    from emulator_support import _serve
    for emulator in _serve(tmp_path_factory, "hooks", "--latency", "400", "--faults", "hook=MyOrg::Security::Check"):
        c = emulator.client()
        token = c.create_resource(
            TypeName="AWS::SNS::Topic", DesiredState=json.dumps({"TopicName": unique("hooked")}))["ProgressEvent"]["RequestToken"]
        pending = c.get_resource_request_status(RequestToken=token)
        assert pending["ProgressEvent"]["OperationStatus"] == "PENDING"
        [hook] = pending["HooksProgressEvent"]
        assert hook["HookTypeName"] == "MyOrg::Security::Check"
        assert hook["HookTypeArn"] == "arn:aws:cloudformation:us-east-1:123456789012:type/hook/MyOrg-Security-Check"
        assert hook["InvocationPoint"] == "PRE_PROVISION" and hook["FailureMode"] == "FAIL"
        assert hook["HookStatus"] == "HOOK_IN_PROGRESS"
        c.get_waiter("resource_request_success").wait(RequestToken=token, WaiterConfig={"Delay": 1, "MaxAttempts": 20})
        [done] = c.get_resource_request_status(RequestToken=token)["HooksProgressEvent"]
        assert done["HookStatus"] == "HOOK_COMPLETE_SUCCEEDED" and done["HookStatusMessage"] == "Hook succeeded."
        assert done["HookEventTime"] >= hook["HookEventTime"]
        c.close()


def test_no_hooks_progress_event_without_a_hook_plan(client):
    token = client.create_resource(
        TypeName="AWS::SNS::Topic", DesiredState=json.dumps({"TopicName": unique("plain")}))["ProgressEvent"]["RequestToken"]
    assert "HooksProgressEvent" not in client.get_resource_request_status(RequestToken=token)
