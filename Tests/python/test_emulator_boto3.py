"""boto3 against `ccs serve`: every method of the `cloudcontrol` client, both paginators
(MaxItems, PageSize, StartingToken), the `resource_request_success` waiter, and each error of
the emulator with the exception class boto3 raises for it, injected faults included.

Servers listen on 127.0.0.1 only; instance metadata is disabled and the shared config files
point at nothing (emulator_support.py), so no test reaches beyond loopback. Run by
scripts/test.sh with CCS_BIN set; without it the debug build is used.
"""

import json
import uuid

import botocore.exceptions
import pytest

from emulator_support import (  # noqa: F401 (fixtures are used by name)
    Emulator, client, create_log_group, fast, fast_waiter_config, glacial, isolated_aws_environment,
    listed_topic_names, slow, topics, unique)


# ---------------------------------------------------------------- every client method


def test_create_get_update_delete_with_status_and_waiter(client):
    name = unique("lifecycle")
    created = create_log_group(client, name, RetentionInDays=7)
    assert created["TypeName"] == "AWS::Logs::LogGroup"
    assert created["Operation"] == "CREATE"
    assert created["Identifier"] == name
    client.get_waiter("resource_request_success").wait(
        RequestToken=created["RequestToken"], WaiterConfig=fast_waiter_config())

    status = client.get_resource_request_status(RequestToken=created["RequestToken"])["ProgressEvent"]
    assert status["OperationStatus"] == "SUCCESS"
    assert status["RequestToken"] == created["RequestToken"]
    assert status["EventTime"].tzinfo is not None  # epoch seconds decoded as an aware datetime

    got = client.get_resource(TypeName="AWS::Logs::LogGroup", Identifier=name)
    assert got["TypeName"] == "AWS::Logs::LogGroup"
    properties = json.loads(got["ResourceDescription"]["Properties"])
    assert properties["LogGroupName"] == name
    assert properties["RetentionInDays"] == 7
    assert properties["Arn"] == f"arn:aws:logs:us-east-1:123456789012:log-group:{name}:*"

    patch = json.dumps([{"op": "replace", "path": "/RetentionInDays", "value": 30}])
    updated = client.update_resource(TypeName="AWS::Logs::LogGroup", Identifier=name, PatchDocument=patch)
    assert updated["ProgressEvent"]["Operation"] == "UPDATE"
    client.get_waiter("resource_request_success").wait(
        RequestToken=updated["ProgressEvent"]["RequestToken"], WaiterConfig=fast_waiter_config())
    properties = json.loads(client.get_resource(
        TypeName="AWS::Logs::LogGroup", Identifier=name)["ResourceDescription"]["Properties"])
    assert properties["RetentionInDays"] == 30

    deleted = client.delete_resource(TypeName="AWS::Logs::LogGroup", Identifier=name)["ProgressEvent"]
    assert deleted["Operation"] == "DELETE"
    client.get_waiter("resource_request_success").wait(
        RequestToken=deleted["RequestToken"], WaiterConfig=fast_waiter_config())
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_resource(TypeName="AWS::Logs::LogGroup", Identifier=name)


def test_client_token_replays_the_same_request(client):
    token = str(uuid.uuid4())
    state = json.dumps({"QueueName": unique("replay")})
    first = client.create_resource(TypeName="AWS::SQS::Queue", DesiredState=state, ClientToken=token)
    second = client.create_resource(TypeName="AWS::SQS::Queue", DesiredState=state, ClientToken=token)
    assert first["ProgressEvent"]["RequestToken"] == second["ProgressEvent"]["RequestToken"]


def test_read_only_primary_identifier_is_generated(client):
    event = client.create_resource(
        TypeName="AWS::SQS::Queue", DesiredState=json.dumps({"QueueName": unique("url")}))["ProgressEvent"]
    assert event["Identifier"].startswith("https://sqs.us-east-1.amazonaws.com/123456789012/")
    got = client.get_resource(TypeName="AWS::SQS::Queue", Identifier=event["Identifier"])
    assert got["ResourceDescription"]["Identifier"] == event["Identifier"]


def test_cancel_resource_request_while_pending(glacial):
    c = glacial.client()
    name = unique("cancelled")
    created = create_log_group(c, name)
    assert created["OperationStatus"] in ("PENDING", "IN_PROGRESS")
    assert "RetryAfter" in created
    cancelling = c.cancel_resource_request(RequestToken=created["RequestToken"])["ProgressEvent"]
    assert cancelling["OperationStatus"] in ("CANCEL_IN_PROGRESS", "CANCEL_COMPLETE")
    waiter = c.get_waiter("resource_request_success")
    with pytest.raises(botocore.exceptions.WaiterError) as failure:
        waiter.wait(RequestToken=created["RequestToken"], WaiterConfig=fast_waiter_config())
    assert failure.value.last_response["ProgressEvent"]["OperationStatus"] == "CANCEL_COMPLETE"
    with pytest.raises(c.exceptions.ResourceNotFoundException):
        c.get_resource(TypeName="AWS::Logs::LogGroup", Identifier=name)
    c.close()


def test_waiter_waits_through_pending_and_in_progress(slow):
    c = slow.client()
    created = create_log_group(c, unique("waited"))
    assert created["OperationStatus"] == "PENDING"
    c.get_waiter("resource_request_success").wait(
        RequestToken=created["RequestToken"], WaiterConfig=fast_waiter_config())
    assert c.get_resource_request_status(
        RequestToken=created["RequestToken"])["ProgressEvent"]["OperationStatus"] == "SUCCESS"
    c.close()


def test_waiter_stops_on_failed(client):
    name = unique("twice")
    first = create_log_group(client, name)
    client.get_waiter("resource_request_success").wait(
        RequestToken=first["RequestToken"], WaiterConfig=fast_waiter_config())
    second = create_log_group(client, name)
    with pytest.raises(botocore.exceptions.WaiterError) as failure:
        client.get_waiter("resource_request_success").wait(
            RequestToken=second["RequestToken"], WaiterConfig=fast_waiter_config())
    event = failure.value.last_response["ProgressEvent"]
    assert event["OperationStatus"] == "FAILED"
    assert event["ErrorCode"] == "AlreadyExists"


def test_waiter_model_is_the_documented_one(client):
    waiter = client.get_waiter("resource_request_success")
    assert client.waiter_names == ["resource_request_success"]
    assert (waiter.config.delay, waiter.config.max_attempts) == (5, 24)


def test_close_releases_the_client(fast):
    c = fast.client()
    c.list_resources(TypeName="AWS::S3::Bucket")
    c.close()
    # A closed client's pool reopens connections on demand; what matters is that close()
    # itself is a local operation that succeeds.
    assert c.list_resources(TypeName="AWS::S3::Bucket")["TypeName"] == "AWS::S3::Bucket"


def test_can_paginate(client):
    assert client.can_paginate("list_resources")
    assert client.can_paginate("list_resource_requests")
    assert not client.can_paginate("get_resource")


# ---------------------------------------------------------------- paginators


def test_list_resources_pages_of_25_with_next_token(client, topics):
    first = client.list_resources(TypeName="AWS::SNS::Topic")
    assert len(first["ResourceDescriptions"]) == 25
    second = client.list_resources(TypeName="AWS::SNS::Topic", NextToken=first["NextToken"])
    assert len(second["ResourceDescriptions"]) == 25
    third = client.list_resources(TypeName="AWS::SNS::Topic", NextToken=second["NextToken"])
    assert len(third["ResourceDescriptions"]) == 10
    assert "NextToken" not in third
    names = listed_topic_names(first["ResourceDescriptions"] + second["ResourceDescriptions"]
                               + third["ResourceDescriptions"])
    assert names == topics


def test_list_resources_paginator_all_pages(client, topics):
    pages = list(client.get_paginator("list_resources").paginate(TypeName="AWS::SNS::Topic"))
    assert [len(p["ResourceDescriptions"]) for p in pages] == [25, 25, 10]
    assert listed_topic_names(d for p in pages for d in p["ResourceDescriptions"]) == topics


def test_list_resources_paginator_page_size(client, topics):
    pages = list(client.get_paginator("list_resources").paginate(
        TypeName="AWS::SNS::Topic", PaginationConfig={"PageSize": 7}))
    assert [len(p["ResourceDescriptions"]) for p in pages] == [7] * 8 + [4]


def test_list_resources_paginator_max_items_and_starting_token(client, topics):
    paginator = client.get_paginator("list_resources")
    head = paginator.paginate(
        TypeName="AWS::SNS::Topic", PaginationConfig={"MaxItems": 30, "PageSize": 20}).build_full_result()
    assert listed_topic_names(head["ResourceDescriptions"]) == topics[:30]
    assert "NextToken" in head
    tail = paginator.paginate(
        TypeName="AWS::SNS::Topic",
        PaginationConfig={"StartingToken": head["NextToken"], "PageSize": 20}).build_full_result()
    assert listed_topic_names(tail["ResourceDescriptions"]) == topics[30:]
    assert "NextToken" not in tail


def test_list_resources_paginator_search(client, topics):
    found = list(client.get_paginator("list_resources").paginate(TypeName="AWS::SNS::Topic")
                 .search("ResourceDescriptions[].Identifier"))
    assert len(found) == 60


def test_list_resources_of_a_child_type_with_its_parent(client):
    cluster = unique("cluster")
    other = unique("other")
    for parent in (cluster, other):
        client.create_resource(TypeName="AWS::Logs::LogGroup", DesiredState=json.dumps({"LogGroupName": parent}))
        client.create_resource(TypeName="AWS::Logs::LogStream",
                               DesiredState=json.dumps({"LogGroupName": parent, "LogStreamName": "s1"}))
    listed = client.list_resources(TypeName="AWS::Logs::LogStream",
                                   ResourceModel=json.dumps({"LogGroupName": cluster}))
    assert [d["Identifier"] for d in listed["ResourceDescriptions"]] == [f"{cluster}|s1"]


def test_list_resource_requests_paginator_and_filter(fast):
    c = fast.client()
    # A type of its own so that the newest requests are known.
    names = [unique("req") for _ in range(12)]
    tokens = [c.create_resource(TypeName="AWS::ECR::Repository",
                                DesiredState=json.dumps({"RepositoryName": n}))["ProgressEvent"]["RequestToken"]
              for n in names]
    paginator = c.get_paginator("list_resource_requests")
    pages = list(paginator.paginate(
        ResourceRequestStatusFilter={"Operations": ["CREATE"], "OperationStatuses": ["SUCCESS"]},
        PaginationConfig={"PageSize": 5}))
    assert all(len(p["ResourceRequestStatusSummaries"]) <= 5 for p in pages)
    summaries = [s for p in pages for s in p["ResourceRequestStatusSummaries"]]
    assert all(s["Operation"] == "CREATE" and s["OperationStatus"] == "SUCCESS" for s in summaries)
    seen = [s["RequestToken"] for s in summaries]
    assert set(tokens) <= set(seen)
    # Newest first.
    assert seen.index(tokens[-1]) < seen.index(tokens[0])

    head = paginator.paginate(PaginationConfig={"MaxItems": 4}).build_full_result()
    assert len(head["ResourceRequestStatusSummaries"]) == 4
    tail = paginator.paginate(PaginationConfig={"StartingToken": head["NextToken"], "MaxItems": 4}) \
        .build_full_result()
    assert len(tail["ResourceRequestStatusSummaries"]) == 4
    assert not {s["RequestToken"] for s in head["ResourceRequestStatusSummaries"]} \
        & {s["RequestToken"] for s in tail["ResourceRequestStatusSummaries"]}

    deletes = c.list_resource_requests(ResourceRequestStatusFilter={"Operations": ["DELETE"]})
    assert all(s["Operation"] == "DELETE" for s in deletes["ResourceRequestStatusSummaries"])
    c.close()


# ---------------------------------------------------------------- errors


def test_type_not_found(client):
    with pytest.raises(client.exceptions.TypeNotFoundException) as error:
        client.get_resource(TypeName="AWS::Nope::Thing", Identifier="x")
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert "AWS::Nope::Thing" in error.value.response["Error"]["Message"]


@pytest.mark.parametrize("call", ["get_resource", "update_resource", "delete_resource"])
def test_resource_not_found(client, call):
    arguments = {"TypeName": "AWS::Logs::LogGroup", "Identifier": unique("missing")}
    if call == "update_resource":
        arguments["PatchDocument"] = json.dumps([{"op": "add", "path": "/RetentionInDays", "value": 1}])
    with pytest.raises(client.exceptions.ResourceNotFoundException) as error:
        getattr(client, call)(**arguments)
    assert arguments["Identifier"] in error.value.response["Error"]["Message"]


def test_invalid_request_for_a_desired_state_that_is_not_an_object(client):
    with pytest.raises(client.exceptions.InvalidRequestException):
        client.create_resource(TypeName="AWS::Logs::LogGroup", DesiredState="[1, 2]")


def test_invalid_request_for_a_child_listed_without_its_parent(client):
    with pytest.raises(client.exceptions.InvalidRequestException) as error:
        client.list_resources(TypeName="AWS::EKS::Nodegroup")
    assert "ClusterName" in error.value.response["Error"]["Message"]


def test_a_schema_violation_is_a_validation_exception(client):
    # Synchronous, as the real service (test_emulator_conformance.py has the message shapes).
    with pytest.raises(botocore.exceptions.ClientError) as error:
        client.create_resource(
            TypeName="AWS::Logs::LogGroup",
            DesiredState=json.dumps({"LogGroupName": unique("bad"), "RetentionInDays": "seven"}))
    assert error.value.response["Error"]["Code"] == "ValidationException"
    assert "#/RetentionInDays" in error.value.response["Error"]["Message"]


def test_not_updatable_exception_for_a_create_only_patch(client):
    name = unique("fixed")
    create_log_group(client, name)
    with pytest.raises(client.exceptions.NotUpdatableException):
        client.update_resource(
            TypeName="AWS::Logs::LogGroup", Identifier=name,
            PatchDocument=json.dumps([{"op": "replace", "path": "/LogGroupName", "value": "renamed"}]))


def test_client_token_conflict(client):
    token = str(uuid.uuid4())
    client.create_resource(TypeName="AWS::SQS::Queue", ClientToken=token,
                           DesiredState=json.dumps({"QueueName": unique("a")}))
    with pytest.raises(client.exceptions.ClientTokenConflictException):
        client.create_resource(TypeName="AWS::SQS::Queue", ClientToken=token,
                               DesiredState=json.dumps({"QueueName": unique("b")}))


@pytest.mark.parametrize("call", ["get_resource_request_status", "cancel_resource_request"])
def test_request_token_not_found(client, call):
    with pytest.raises(client.exceptions.RequestTokenNotFoundException):
        getattr(client, call)(RequestToken=str(uuid.uuid4()))


def test_concurrent_operation(slow):
    c = slow.client()
    name = unique("busy")
    c.get_waiter("resource_request_success").wait(
        RequestToken=create_log_group(c, name)["RequestToken"], WaiterConfig=fast_waiter_config())
    c.update_resource(TypeName="AWS::Logs::LogGroup", Identifier=name,
                      PatchDocument=json.dumps([{"op": "add", "path": "/RetentionInDays", "value": 3}]))
    with pytest.raises(c.exceptions.ConcurrentOperationException):
        c.delete_resource(TypeName="AWS::Logs::LogGroup", Identifier=name)
    c.close()


def test_concurrent_modification_when_cancelling_a_finished_request(client):
    event = create_log_group(client, unique("done"))
    with pytest.raises(client.exceptions.ConcurrentModificationException) as error:
        client.cancel_resource_request(RequestToken=event["RequestToken"])
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 500


def test_already_exists_fails_the_request(client):
    name = unique("dup")
    create_log_group(client, name)
    event = create_log_group(client, name)
    status = client.get_resource_request_status(RequestToken=event["RequestToken"])["ProgressEvent"]
    assert (status["OperationStatus"], status["ErrorCode"]) == ("FAILED", "AlreadyExists")


def test_every_response_has_a_request_id(client):
    response = client.list_resources(TypeName="AWS::S3::Bucket")
    assert len(response["ResponseMetadata"]["RequestId"]) == 36
    with pytest.raises(client.exceptions.ResourceNotFoundException) as error:
        client.get_resource(TypeName="AWS::S3::Bucket", Identifier=unique("nobucket"))
    assert len(error.value.response["ResponseMetadata"]["RequestId"]) == 36


def test_unknown_access_key(fast):
    c = fast.client(access_key="AKIDUNKNOWN")
    with pytest.raises(botocore.exceptions.ClientError) as error:
        c.list_resources(TypeName="AWS::S3::Bucket")
    assert error.value.response["Error"]["Code"] == "UnrecognizedClientException"
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_wrong_secret(fast):
    c = fast.client(secret_key="wrong")
    with pytest.raises(botocore.exceptions.ClientError) as error:
        c.list_resources(TypeName="AWS::S3::Bucket")
    assert error.value.response["Error"]["Code"] == "InvalidSignatureException"
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_extra_credentials(tmp_path_factory):
    emulator = Emulator(tmp_path_factory.mktemp("creds"), "--latency", "0",
                        "--credentials", "AKIDEXAMPLE:wJalrXUtnFEMI").start()
    try:
        extra = emulator.client(access_key="AKIDEXAMPLE", secret_key="wJalrXUtnFEMI")
        assert extra.list_resources(TypeName="AWS::S3::Bucket")["TypeName"] == "AWS::S3::Bucket"
        assert emulator.client().list_resources(TypeName="AWS::S3::Bucket")["TypeName"] == "AWS::S3::Bucket"
    finally:
        assert emulator.stop()[0] == 0


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    emulators = {}
    for name, spec in {"throttle": "throttle=1", "5xx": "5xx=1", "drop": "drop=1",
                       "mixed": "throttle=0.3,5xx=0.2,seed=11"}.items():
        emulators[name] = Emulator(tmp_path_factory.mktemp(f"faults-{name}"), "--latency", "0",
                                   "--faults", spec).start()
    yield emulators
    for emulator in emulators.values():
        assert emulator.stop()[0] == 0


def test_injected_throttling(faulty):
    c = faulty["throttle"].client()
    with pytest.raises(c.exceptions.ThrottlingException) as error:
        c.list_resources(TypeName="AWS::S3::Bucket")
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_injected_server_error(faulty):
    c = faulty["5xx"].client()
    with pytest.raises(c.exceptions.ServiceInternalErrorException) as error:
        c.list_resources(TypeName="AWS::S3::Bucket")
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 500


def test_injected_drop(faulty):
    c = faulty["drop"].client()
    with pytest.raises(botocore.exceptions.ConnectionClosedError):
        c.list_resources(TypeName="AWS::S3::Bucket")


def test_retries_get_through_injected_faults(faulty):
    # botocore's standard mode retries throttling and 5xx; 30% + 20% failures and 8 attempts
    # make a final failure very unlikely, and the seed makes the run reproducible.
    c = faulty["mixed"].client(max_attempts=8)
    for _ in range(10):
        assert c.list_resources(TypeName="AWS::S3::Bucket")["TypeName"] == "AWS::S3::Bucket"
