"""boto3 against `ccs serve`: a sample of the breadth test's types (issue 13) through create →
get → list → update → delete over HTTP. breadth_sample.json holds about 50 desired states, list
models and patches that Tests/CloudControlLocalTests/BreadthTests.swift drew from the schemas
with the engine's own sampler for types that need no parent (re-record with
`CCS_BREADTH_SAMPLE=$PWD/Tests/python/breadth_sample.json swift test --filter BreadthTests`)."""

import json
from pathlib import Path

import pytest

from emulator_support import client, fast, isolated_aws_environment  # noqa: F401 (fixtures)

SAMPLE = json.loads((Path(__file__).parent / "breadth_sample.json").read_text())


def test_the_sample_covers_about_fifty_types():
    assert len(SAMPLE) >= 50
    assert len({case["TypeName"] for case in SAMPLE}) == len(SAMPLE)


@pytest.mark.parametrize("case", SAMPLE, ids=[case["TypeName"] for case in SAMPLE])
def test_a_sampled_type_runs_its_whole_lifecycle_over_http(client, case):
    type_name = case["TypeName"]
    created = client.create_resource(
        TypeName=type_name, DesiredState=json.dumps(case["DesiredState"]))["ProgressEvent"]
    assert created["OperationStatus"] == "SUCCESS", created
    identifier = created["Identifier"]
    got = client.get_resource(TypeName=type_name, Identifier=identifier)["ResourceDescription"]
    assert got["Identifier"] == identifier
    if "ListModel" in case:
        options = {"ResourceModel": json.dumps(case["ListModel"])} if case["ListModel"] else {}
        listed = [d["Identifier"] for page in client.get_paginator("list_resources").paginate(
            TypeName=type_name, **options) for d in page["ResourceDescriptions"]]
        assert identifier in listed
    if "Patch" in case:
        updated = client.update_resource(
            TypeName=type_name, Identifier=identifier, PatchDocument=case["Patch"])["ProgressEvent"]
        assert updated["OperationStatus"] == "SUCCESS", updated
    deleted = client.delete_resource(TypeName=type_name, Identifier=identifier)["ProgressEvent"]
    assert deleted["OperationStatus"] == "SUCCESS", deleted
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_resource(TypeName=type_name, Identifier=identifier)
