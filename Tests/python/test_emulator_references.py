"""boto3 against `ccs serve`: references between resources, as the real handlers enforce them
(issue 13, mismatch 9). A create naming a missing parent ends FAILED with NotFound; deleting a
resource others refer to ends FAILED with ResourceConflict, except a parent whose deletion takes
its children with it (a log group's streams). `--no-references` turns this off. Evidence in
docs/EMULATOR.md, "References"."""

import json

import pytest

from emulator_support import _serve, client, fast, isolated_aws_environment, unique  # noqa: F401 (fixtures)


def _create(client, type_name, desired):
    return client.create_resource(TypeName=type_name, DesiredState=json.dumps(desired))["ProgressEvent"]


def _vpc(client):
    event = _create(client, "AWS::EC2::VPC", {"CidrBlock": "10.0.0.0/16"})
    assert event["OperationStatus"] == "SUCCESS", event
    return event["Identifier"]


def test_a_subnet_in_a_missing_vpc_fails_not_found(client):
    event = _create(client, "AWS::EC2::Subnet", {"VpcId": "vpc-0123456789abcdef0", "CidrBlock": "10.0.1.0/24"})
    assert event["OperationStatus"] == "FAILED"
    assert event["ErrorCode"] == "NotFound"
    assert event["StatusMessage"].startswith("VpcId 'vpc-0123456789abcdef0': no AWS::EC2::VPC")


def test_a_vpc_with_a_subnet_cannot_be_deleted_until_the_subnet_is(client):
    vpc = _vpc(client)
    subnet = _create(client, "AWS::EC2::Subnet", {"VpcId": vpc, "CidrBlock": "10.0.1.0/24"})
    assert subnet["OperationStatus"] == "SUCCESS", subnet
    refused = client.delete_resource(TypeName="AWS::EC2::VPC", Identifier=vpc)["ProgressEvent"]
    assert refused["OperationStatus"] == "FAILED" and refused["ErrorCode"] == "ResourceConflict"
    assert f"'{vpc}' has dependencies and cannot be deleted" in refused["StatusMessage"]
    assert subnet["Identifier"] in refused["StatusMessage"]
    client.get_resource(TypeName="AWS::EC2::VPC", Identifier=vpc)  # still there
    assert client.delete_resource(
        TypeName="AWS::EC2::Subnet", Identifier=subnet["Identifier"])["ProgressEvent"]["OperationStatus"] == "SUCCESS"
    assert client.delete_resource(
        TypeName="AWS::EC2::VPC", Identifier=vpc)["ProgressEvent"]["OperationStatus"] == "SUCCESS"


def test_a_log_stream_needs_its_group_and_goes_with_it(client):
    group = unique("group")
    missing = _create(client, "AWS::Logs::LogStream", {"LogGroupName": group, "LogStreamName": "s"})
    assert missing["OperationStatus"] == "FAILED" and missing["ErrorCode"] == "NotFound"
    assert _create(client, "AWS::Logs::LogGroup", {"LogGroupName": group})["OperationStatus"] == "SUCCESS"
    stream = _create(client, "AWS::Logs::LogStream", {"LogGroupName": group, "LogStreamName": "s"})
    assert stream["OperationStatus"] == "SUCCESS", stream
    client.get_resource(TypeName="AWS::Logs::LogStream", Identifier=stream["Identifier"])
    deleted = client.delete_resource(TypeName="AWS::Logs::LogGroup", Identifier=group)["ProgressEvent"]
    assert deleted["OperationStatus"] == "SUCCESS"
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_resource(TypeName="AWS::Logs::LogStream", Identifier=stream["Identifier"])


def test_an_update_pointing_at_a_missing_resource_fails_not_found(client):
    vpc = _vpc(client)
    subnet = _create(client, "AWS::EC2::Subnet", {"VpcId": vpc, "CidrBlock": "10.0.2.0/24"})
    endpoint = _create(client, "AWS::EC2::VPCEndpoint", {
        "VpcId": vpc, "ServiceName": "com.amazonaws.us-east-1.s3", "VpcEndpointType": "Interface",
        "SubnetIds": [subnet["Identifier"]]})
    assert endpoint["OperationStatus"] == "SUCCESS", endpoint
    patch = json.dumps([{"op": "add", "path": "/SubnetIds/-", "value": "subnet-0fedcba9876543210"}])
    updated = client.update_resource(
        TypeName="AWS::EC2::VPCEndpoint", Identifier=endpoint["Identifier"], PatchDocument=patch)["ProgressEvent"]
    assert updated["OperationStatus"] == "FAILED" and updated["ErrorCode"] == "NotFound"
    assert "SubnetIds 'subnet-0fedcba9876543210'" in updated["StatusMessage"]


def test_a_parent_created_in_the_same_breath_counts(tmp_path_factory):
    # With latency, the child's create is accepted while the parent's is still in progress;
    # references are checked when the child's request completes, after the parent's.
    for emulator in _serve(tmp_path_factory, "references-latency", "--latency", "100"):
        c = emulator.client()
        group = unique("group")
        _create(c, "AWS::Logs::LogGroup", {"LogGroupName": group})
        token = _create(c, "AWS::Logs::LogStream", {"LogGroupName": group, "LogStreamName": "s"})["RequestToken"]
        c.get_waiter("resource_request_success").wait(RequestToken=token, WaiterConfig={"Delay": 1, "MaxAttempts": 20})
        c.close()


def test_no_references_turns_the_checks_off(tmp_path_factory):
    for emulator in _serve(tmp_path_factory, "no-references", "--latency", "0", "--no-references"):
        c = emulator.client()
        subnet = _create(c, "AWS::EC2::Subnet", {"VpcId": "vpc-0123456789abcdef0", "CidrBlock": "10.0.1.0/24"})
        assert subnet["OperationStatus"] == "SUCCESS", subnet
        c.close()


def test_a_subnet_listed_by_an_endpoint_cannot_be_deleted(client):
    # A reference from a list property (AWS::EC2::VPCEndpoint's SubnetIds, a relationshipRef).
    vpc = _vpc(client)
    subnet = _create(client, "AWS::EC2::Subnet", {"VpcId": vpc, "CidrBlock": "10.0.3.0/24"})["Identifier"]
    endpoint = _create(client, "AWS::EC2::VPCEndpoint", {
        "VpcId": vpc, "ServiceName": "com.amazonaws.us-east-1.s3", "VpcEndpointType": "Interface",
        "SubnetIds": [subnet]})
    assert endpoint["OperationStatus"] == "SUCCESS", endpoint
    refused = client.delete_resource(TypeName="AWS::EC2::Subnet", Identifier=subnet)["ProgressEvent"]
    assert refused["OperationStatus"] == "FAILED" and refused["ErrorCode"] == "ResourceConflict"
    assert f"AWS::EC2::VPCEndpoint '{endpoint['Identifier']}' refers to it by SubnetIds" in refused["StatusMessage"]
