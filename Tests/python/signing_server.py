"""A loopback Cloud Control stand-in for testing `ccs api`: verifies every request's SigV4
signature with botocore's own implementation (botocore.auth.SigV4Auth) and answers with
plausible awsJson1_0 responses. Used by test_api_signing.py."""

import hashlib
import json
import threading
import time
import uuid
from urllib.parse import urlsplit
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

REGION = "eu-west-3"
SERVICE = "cloudcontrolapi"
ACCESS_KEY = "AKIDCCSTESTEXAMPLE"
SECRET_KEY = "cCsTeStSeCrEtKeY/0123456789abcdefEXAMPLE"
SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE//session+token=="
OPERATIONS = [
    "CreateResource", "GetResource", "ListResources", "UpdateResource", "DeleteResource",
    "GetResourceRequestStatus", "ListResourceRequests", "CancelResourceRequest",
]


def verify_signature(method, path, headers, body):
    """Returns None when the request carries a valid SigV4 signature for REGION/SERVICE with
    the session token, else a description of what is wrong."""
    auth = headers.get("Authorization", "")
    prefix = "AWS4-HMAC-SHA256 "
    if not auth.startswith(prefix):
        return "missing or non-SigV4 Authorization header"
    fields = dict(part.strip().split("=", 1) for part in auth[len(prefix):].split(","))
    scope = fields.get("Credential", "").split("/")
    if len(scope) != 5 or scope[0] != ACCESS_KEY or scope[2] != REGION or scope[3] != SERVICE or scope[4] != "aws4_request":
        return f"bad credential scope {fields.get('Credential')}"
    amz_date = headers.get("X-Amz-Date")
    if not amz_date or scope[1] != amz_date[:8]:
        return f"X-Amz-Date {amz_date} does not match the scope date {scope[1]}"
    skew = abs(datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc).timestamp() - time.time())
    if skew > 300:
        return f"X-Amz-Date {amz_date} is {skew:.0f} s away from now"
    if headers.get("X-Amz-Security-Token") != SESSION_TOKEN:
        return "the session token is missing or wrong"
    signed = fields.get("SignedHeaders", "").split(";")
    for required in ("host", "x-amz-date", "x-amz-target", "x-amz-security-token", "content-type"):
        if required not in signed:
            return f"header {required} is not signed (SignedHeaders={fields.get('SignedHeaders')})"
    declared_hash = headers.get("X-Amz-Content-SHA256")
    if declared_hash is not None and declared_hash != hashlib.sha256(body).hexdigest():
        return "X-Amz-Content-SHA256 does not match the body"

    # Rebuild the request from exactly the signed headers and let botocore sign it again.
    host = headers.get("Host")
    request = AWSRequest(method=method, url=f"http://{host}{path}", data=body,
                         headers={name: headers.get(name) for name in signed if headers.get(name) is not None})
    request.context["timestamp"] = amz_date
    signer = SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN), SERVICE, REGION)
    canonical = signer.canonical_request(request)
    expected = signer.signature(signer.string_to_sign(request, canonical), request)
    if expected != fields.get("Signature"):
        return f"signature mismatch; botocore's canonical request:\n{canonical}"
    return None


class CloudControlStandIn(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.log = []            # (operation, input dict) of every verified request
        self.rejections = []     # why a request was refused
        self.user_agents = []    # the User-Agent of every request
        self.targets = []        # the request target of every request, as sent
        self.throttle = {}       # operation -> how many more times to answer ThrottlingException
        self.resources = [f"/aws/ccs/group-{i:02d}" for i in range(1, 8)]
        self.page_size = 3

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self


def progress_event(payload, operation, status="IN_PROGRESS"):
    event = {
        "TypeName": payload.get("TypeName", "AWS::Logs::LogGroup"),
        "RequestToken": payload.get("RequestToken") or str(uuid.uuid4()),
        "Operation": operation,
        "OperationStatus": status,
        "EventTime": 1767225600.123,
    }
    if "Identifier" in payload:
        event["Identifier"] = payload["Identifier"]
    if "DesiredState" in payload:
        event["ResourceModel"] = payload["DesiredState"]
    return {"ProgressEvent": event}


def answer(server, operation, payload):
    """The response body of one verified operation."""
    if operation == "CreateResource":
        result = progress_event(payload, "CREATE")
        result["ProgressEvent"]["Identifier"] = json.loads(payload["DesiredState"]).get("LogGroupName", "created")
        return result
    if operation == "UpdateResource":
        return progress_event(payload, "UPDATE")
    if operation == "DeleteResource":
        return progress_event(payload, "DELETE")
    if operation == "GetResourceRequestStatus":
        return progress_event(payload, "CREATE", status="SUCCESS")
    if operation == "CancelResourceRequest":
        return progress_event(payload, "CREATE", status="CANCEL_IN_PROGRESS")
    if operation == "GetResource":
        return {"TypeName": payload["TypeName"], "ResourceDescription": {
            "Identifier": payload["Identifier"],
            "Properties": json.dumps({"LogGroupName": payload["Identifier"], "RetentionInDays": 7})}}
    if operation == "ListResources":
        start = int(payload.get("NextToken") or 0)
        page = server.resources[start:start + server.page_size]
        result = {"TypeName": payload["TypeName"], "ResourceDescriptions": [
            {"Identifier": name, "Properties": json.dumps({"LogGroupName": name})} for name in page]}
        if start + server.page_size < len(server.resources):
            result["NextToken"] = str(start + server.page_size)
        return result
    if operation == "ListResourceRequests":
        return {"ResourceRequestStatusSummaries": [
            {"TypeName": "AWS::Logs::LogGroup", "Identifier": "g", "RequestToken": str(uuid.uuid4()),
             "Operation": "CREATE", "OperationStatus": "SUCCESS", "EventTime": 1767225600}]}
    raise KeyError(operation)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, payload, error_type=None):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
        if error_type:
            self.send_header("x-amzn-ErrorType", error_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        server = self.server
        # Through a proxy the request target is in absolute form (RFC 9112 §3.2.2).
        path = urlsplit(self.path).path or "/"
        with server.lock:
            server.targets.append(self.path)
        problem = verify_signature("POST", path, self.headers, body)
        target = self.headers.get("X-Amz-Target", "")
        operation = target.removeprefix("CloudApiService.")
        if problem is None and (not target.startswith("CloudApiService.") or operation not in OPERATIONS):
            problem = f"unknown X-Amz-Target {target!r}"
        if problem is None and self.headers.get("Content-Type") != "application/x-amz-json-1.0":
            problem = f"wrong Content-Type {self.headers.get('Content-Type')!r}"
        if problem is not None:
            with server.lock:
                server.rejections.append(problem)
            # The details (botocore's canonical request) stay in server.rejections for the test.
            self.reply(403, {"__type": "com.amazon.coral.service#InvalidSignatureException",
                             "message": problem.splitlines()[0]})
            return
        payload = json.loads(body or b"{}")
        with server.lock:
            server.log.append((operation, payload))
            server.user_agents.append(self.headers.get("User-Agent", ""))
            throttles = server.throttle.get(operation, 0)
            if throttles:
                server.throttle[operation] = throttles - 1
        if throttles:
            self.reply(400, {"__type": "com.amazonaws.cloudcontrol#ThrottlingException", "Message": "Rate exceeded"})
            return
        self.reply(200, answer(server, operation, payload))
