"""Regenerates retry.json: botocore's own standard-mode decisions (botocore.retries.standard,
StandardRetryConditions and RetryQuotaChecker) for error codes, HTTP statuses and transport
exceptions, mapped to ccs's TransportError kinds.
Run: python3 generate.py > retry.json (botocore 1.43.11 was used)."""
import json

import botocore
import botocore.session
from botocore import exceptions
from botocore.retries import quota, standard

CODES = sorted(set(standard.ThrottledRetryableChecker._THROTTLED_ERROR_CODES
                   + standard.TransientRetryableChecker._TRANSIENT_ERROR_CODES
                   + ["ValidationException", "InvalidRequestException", "ResourceNotFoundException",
                      "AccessDeniedException", "AlreadyExistsException", "ConcurrentOperationException",
                      "ServiceInternalErrorException", "InternalFailure", "ServiceUnavailable",
                      "UnsupportedActionException", "ClientTokenConflictException"]))
STATUSES = [400, 403, 404, 409, 429, 500, 501, 502, 503, 504]
# botocore exception → the TransportError kind ccs reports for the same failure.
EXCEPTIONS = {
    "connectionRefused": exceptions.EndpointConnectionError(endpoint_url="http://127.0.0.1:1"),
    "hostNotFound": exceptions.EndpointConnectionError(endpoint_url="http://nowhere.invalid"),
    "connectionReset": exceptions.ConnectionClosedError(endpoint_url="http://127.0.0.1:1"),
    "connectionDropped": exceptions.ConnectionClosedError(endpoint_url="http://127.0.0.1:1"),
    "malformedResponse": exceptions.ConnectionClosedError(endpoint_url="http://127.0.0.1:1"),
    "timeout": exceptions.ReadTimeoutError(endpoint_url="http://127.0.0.1:1"),
    "tls": exceptions.SSLError(endpoint_url="https://127.0.0.1:1", error="certificate verify failed"),
}


OPERATION = botocore.session.get_session().get_service_model("cloudcontrol").operation_model("GetResource")


class Response:
    def __init__(self, status):
        self.status_code = status
        self.headers = {}


def decide(status=None, code=None, exception=None):
    context = standard.RetryContext(
        attempt_number=1,
        operation_model=OPERATION,
        parsed_response={"Error": {"Code": code}} if code else ({"Error": {}} if status else None),
        http_response=Response(status) if status else None,
        caught_exception=exception)
    retryable = standard.StandardRetryConditions(max_attempts=3).is_retryable(context)
    cost = 0
    if retryable:
        bucket = quota.RetryQuota()
        standard.RetryQuotaChecker(bucket).acquire_retry_quota(context)
        cost = quota.RetryQuota.INITIAL_CAPACITY - bucket.available_capacity
    return {"retryable": retryable, "quotaCost": cost}


cases = []
for status in STATUSES:
    for code in CODES + [None]:
        cases.append({"status": status, "code": code, **decide(status=status, code=code)})
for kind, exception in EXCEPTIONS.items():
    cases.append({"transport": kind, **decide(exception=exception)})
print(json.dumps({"generatedBy": "Tests/CloudControlTests/Fixtures/retry/generate.py with botocore " + botocore.__version__,
                  "cases": cases}, indent=1))
