"""boto3 against `ccs serve`: identifiers as the real Cloud Control takes them (the primary
identifier as a string or as JSON in any key order, a secondary identifier from the schema's
`additionalIdentifiers` as JSON), and versioned types whose second create is a new revision
(issue 13, mismatches 3 and 8). Evidence in docs/EMULATOR.md, "Identifiers and generated
properties"."""

import json

import pytest

from emulator_support import client, fast, isolated_aws_environment, unique  # noqa: F401 (fixtures)


def _create(client, type_name, desired):
    event = client.create_resource(TypeName=type_name, DesiredState=json.dumps(desired))["ProgressEvent"]
    assert event["OperationStatus"] == "SUCCESS", event
    return event["Identifier"], json.loads(event["ResourceModel"])


def _application_and_environment(client):
    application_id, _ = _create(client, "AWS::AppConfig::Application", {"Name": unique("app")})
    name = unique("env")
    identifier, model = _create(
        client, "AWS::AppConfig::Environment", {"ApplicationId": application_id, "Name": name})
    return application_id, name, identifier, model


def test_a_compound_primary_identifier_as_json_in_any_key_order(client):
    application_id, _, identifier, model = _application_and_environment(client)
    assert identifier == f"{application_id}|{model['EnvironmentId']}"
    reversed_order = json.dumps({"EnvironmentId": model["EnvironmentId"], "ApplicationId": application_id})
    got = client.get_resource(TypeName="AWS::AppConfig::Environment", Identifier=reversed_order)
    # The answer names the resource by its primary identifier, as a string.
    assert got["ResourceDescription"]["Identifier"] == identifier
    patch = json.dumps([{"op": "add", "path": "/Description", "value": "by JSON"}])
    updated = client.update_resource(
        TypeName="AWS::AppConfig::Environment", Identifier=reversed_order, PatchDocument=patch)["ProgressEvent"]
    assert updated["OperationStatus"] == "SUCCESS" and updated["Identifier"] == identifier


def test_a_secondary_identifier_as_json_finds_the_resource(client):
    name = unique("app")
    application_id, _ = _create(client, "AWS::AppConfig::Application", {"Name": name})
    got = client.get_resource(TypeName="AWS::AppConfig::Application", Identifier=json.dumps({"Name": name}))
    assert got["ResourceDescription"]["Identifier"] == application_id
    deleted = client.delete_resource(
        TypeName="AWS::AppConfig::Application", Identifier=json.dumps({"Name": name}))["ProgressEvent"]
    assert deleted["OperationStatus"] == "SUCCESS" and deleted["Identifier"] == application_id
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_resource(TypeName="AWS::AppConfig::Application", Identifier=application_id)


def test_a_compound_secondary_identifier(client):
    application_id, name, identifier, _ = _application_and_environment(client)
    secondary = json.dumps({"Name": name, "ApplicationId": application_id})
    got = client.get_resource(TypeName="AWS::AppConfig::Environment", Identifier=secondary)
    assert got["ResourceDescription"]["Identifier"] == identifier


def test_a_json_identifier_matching_nothing_is_not_found(client):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_resource(
            TypeName="AWS::AppConfig::Application", Identifier=json.dumps({"Name": unique("missing")}))


def test_a_json_identifier_with_other_keys_is_an_invalid_request(client):
    with pytest.raises(client.exceptions.InvalidRequestException) as error:
        client.get_resource(TypeName="AWS::AppConfig::Application", Identifier=json.dumps({"Color": "red"}))
    message = error.value.response["Error"]["Message"]
    assert "neither the primary nor a secondary identifier of AWS::AppConfig::Application" in message
    assert "{ApplicationId}, {Name}" in message


# ---------------------------------------------------------------- versioned types


def _task_definition(family):
    return {"Family": family, "ContainerDefinitions": [{"Name": "web", "Image": "nginx"}]}


def test_a_task_definition_registered_twice_is_revision_2(client):
    family = unique("family")
    first, _ = _create(client, "AWS::ECS::TaskDefinition", _task_definition(family))
    second, _ = _create(client, "AWS::ECS::TaskDefinition", _task_definition(family))
    assert first == f"arn:aws:ecs:us-east-1:123456789012:task-definition/{family}:1"
    assert second == f"arn:aws:ecs:us-east-1:123456789012:task-definition/{family}:2"
    # Revisions only grow: after both are deleted, the next registration is 3.
    for identifier in [first, second]:
        deleted = client.delete_resource(TypeName="AWS::ECS::TaskDefinition", Identifier=identifier)
        assert deleted["ProgressEvent"]["OperationStatus"] == "SUCCESS"
    third, _ = _create(client, "AWS::ECS::TaskDefinition", _task_definition(family))
    assert third.endswith(f"task-definition/{family}:3")


def test_a_task_definition_without_family_gets_a_generated_one(client):
    identifier, model = _create(
        client, "AWS::ECS::TaskDefinition", {"ContainerDefinitions": [{"Name": "web", "Image": "nginx"}]})
    assert model["Family"] and identifier.endswith(f"task-definition/{model['Family']}:1")


def test_lambda_versions_are_numbered_per_function(client):
    function = unique("fn")
    _create(client, "AWS::Lambda::Function", {
        "FunctionName": function, "Role": "arn:aws:iam::123456789012:role/r",
        "Runtime": "python3.12", "Handler": "index.handler", "Code": {"ZipFile": "def handler(e, c): pass"}})
    versions = [_create(client, "AWS::Lambda::Version", {"FunctionName": function})[1] for _ in range(2)]
    assert [v["Version"] for v in versions] == ["1", "2"]
    assert versions[1]["FunctionArn"] == f"arn:aws:lambda:us-east-1:123456789012:function:{function}:2"
