"""`ccs serve` under malformed HTTP, over raw loopback sockets: garbage request lines, huge
and too many headers, truncated and oversized bodies, slowloris-style slow clients, invalid
UTF-8, wrong content types, broken chunked encoding. Each gets an error answer or a closed
connection; a well-behaved boto3 client running in parallel keeps getting answers; and the
server's resident memory (VmRSS) stays bounded over hundreds of such requests. Every loop is
bounded (a few connections, a few seconds)."""

import json
import socket
import threading
import time
from urllib.parse import urlparse

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from emulator_support import Emulator, isolated_aws_environment  # noqa: F401

LIST_BODY = json.dumps({"TypeName": "AWS::Logs::LogGroup"}).encode()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    emulator = Emulator(tmp_path_factory.mktemp("malformed"), "--latency", "0").start()
    yield emulator
    status, _, stderr = emulator.stop()
    assert status == 0, stderr


def address(server):
    parsed = urlparse(server.url)
    return parsed.hostname, parsed.port


def signed_request(server, body, content_type="application/x-amz-json-1.0",
                   target="CloudApiService.ListResources"):
    """Raw bytes of a request signed with test/test by botocore's signer."""
    request = AWSRequest(method="POST", url=server.url + "/", data=body,
                         headers={"Content-Type": content_type, "X-Amz-Target": target})
    SigV4Auth(Credentials("test", "test"), "cloudcontrolapi", "us-east-1").add_auth(request)
    host, port = address(server)
    head = f"POST / HTTP/1.1\r\nHost: {host}:{port}\r\n"
    for name, value in request.headers.items():
        head += f"{name}: {value}\r\n"
    head += f"Content-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def exchange(server, raw, shut_write=False, timeout=10):
    """Sends raw bytes; returns (status, body) of the answer, or (None, b"") when the server
    closed the connection without one. Fails if the server neither answers nor closes."""
    with socket.create_connection(address(server), timeout=timeout) as sock:
        try:
            sock.sendall(raw)
            if shut_write:
                sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server may close while the request is still being sent
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                chunk = sock.recv(65536)
                if not chunk:
                    return None, b""
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            while len(body) < length:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                body += chunk
            return int(head.split(b" ")[1]), body
        except ConnectionResetError:
            return None, b""
        except socket.timeout:
            raise AssertionError(f"no answer and no close within {timeout}s for {raw[:80]!r}")


def error_type(body):
    return json.loads(body)["__type"]


def garbage_cases(server):
    host, port = address(server)
    big = "x" * (20 * 1024)
    many = "".join(f"X-Filler-{i}: {i}\r\n" for i in range(200))
    return {
        "garbage request line": (b"GARBAGE\r\n\r\n", {400, None}),
        "binary noise": (bytes(range(256)) * 16, {400, None}),
        "huge header": (f"POST / HTTP/1.1\r\nHost: {host}:{port}\r\nX-Big: {big}\r\n\r\n".encode(), {431}),
        "too many headers": (f"POST / HTTP/1.1\r\nHost: {host}:{port}\r\n{many}\r\n".encode(), {431}),
        "oversized body": (f"POST / HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Length: 5000000\r\n\r\n".encode(),
                           {413}),
        "invalid UTF-8 in a header": (b"POST / HTTP/1.1\r\nHost: h\r\nX-Amz-Target: \xff\xfe\xfd\r\n"
                                      b"Content-Length: 0\r\n\r\n", {400, 403, None}),
        "bad chunk size": (f"POST / HTTP/1.1\r\nHost: {host}:{port}\r\nTransfer-Encoding: chunked\r\n\r\n"
                           "zz\r\nhello\r\n0\r\n\r\n".encode(), {400, 403, None}),
        "HTTP/9": (b"GET / HTTP/9.9\r\nHost: h\r\n\r\n", {400, 403, 505, None}),
    }


@pytest.mark.parametrize("case", ["garbage request line", "binary noise", "huge header", "too many headers",
                                  "oversized body", "invalid UTF-8 in a header", "bad chunk size", "HTTP/9"])
def test_malformed_request_gets_an_error_or_a_close(server, case):
    raw, allowed = garbage_cases(server)[case]
    status, _ = exchange(server, raw, shut_write=True)
    assert status in allowed, f"{case}: status {status}"
    assert_serving(server)


def test_truncated_body_is_not_answered_as_a_request(server):
    raw = signed_request(server, LIST_BODY)
    status, body = exchange(server, raw[:-10], shut_write=True)
    assert status in (400, None), body
    assert_serving(server)


def test_invalid_utf8_body_is_a_serialization_error(server):
    status, body = exchange(server, signed_request(server, b'{"TypeName": "\xff\xfe AWS"}'))
    assert status == 400 and error_type(body) == "SerializationException", body


def test_wrong_content_type_is_415(server):
    status, body = exchange(server, signed_request(server, LIST_BODY, content_type="text/plain"))
    assert status == 415 and error_type(body) == "UnsupportedMediaTypeException", body


def test_signed_good_request_over_raw_socket_works(server):
    """The harness itself: a well-formed request gets 200 (so the cases above can fail)."""
    status, body = exchange(server, signed_request(server, LIST_BODY))
    assert status == 200, body
    assert json.loads(body)["TypeName"] == "AWS::Logs::LogGroup"


def assert_serving(server):
    client = server.client(max_attempts=1)
    assert client.list_resources(TypeName="AWS::Logs::LogGroup")["TypeName"] == "AWS::Logs::LogGroup"
    client.close()


class GoodClient(threading.Thread):
    """Calls ListResources in a loop, recording failures and the slowest answer."""

    def __init__(self, server):
        super().__init__(daemon=True)
        self.client = server.client(max_attempts=1)
        self.stopped = threading.Event()
        self.calls, self.failures, self.slowest = 0, [], 0.0

    def run(self):
        while not self.stopped.is_set():
            start = time.monotonic()
            try:
                self.client.list_resources(TypeName="AWS::Logs::LogGroup")
                self.calls += 1
            except Exception as error:  # noqa: BLE001 (any failure is what we record)
                self.failures.append(repr(error))
            self.slowest = max(self.slowest, time.monotonic() - start)
            time.sleep(0.02)


def test_slowloris_clients_do_not_starve_a_good_client(server):
    host, port = address(server)
    good = GoodClient(server)
    good.start()
    slow = [socket.create_connection((host, port), timeout=5) for _ in range(5)]
    request = f"POST / HTTP/1.1\r\nHost: {host}:{port}\r\nX-Slow: " + "a" * 40
    try:
        for byte in request.encode():  # about 4 s: one byte per socket every 60 ms
            for sock in slow:
                sock.send(bytes([byte]))
            time.sleep(0.06)
            if good.failures:
                break
    finally:
        for sock in slow:
            sock.close()
        good.stopped.set()
        good.join(timeout=10)
    assert good.failures == []
    assert good.calls >= 20, f"only {good.calls} answers in 4 s"
    assert good.slowest < 2.0


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS line")


def test_memory_stays_bounded_under_malformed_requests_while_serving(server):
    cases = list(garbage_cases(server).values())
    bad_bodies = [signed_request(server, b'{"TypeName": "\xff"}'),
                  signed_request(server, LIST_BODY, content_type="text/plain"),
                  signed_request(server, b"[" * 5000)]
    for raw, _ in cases:  # warm up: first-use allocations are not growth
        exchange(server, raw, shut_write=True)
    before = rss_kib(server.process.pid)
    good = GoodClient(server)
    good.start()
    try:
        for _ in range(25):
            for raw, _ in cases:
                exchange(server, raw, shut_write=True)
            for raw in bad_bodies:
                status, _ = exchange(server, raw)
                assert status == 400 or status == 415
    finally:
        good.stopped.set()
        good.join(timeout=10)
    after = rss_kib(server.process.pid)
    print(f"VmRSS of ccs serve: {before} KiB before, {after} KiB after {25 * (len(cases) + len(bad_bodies))} "
          f"malformed requests; {good.calls} good answers meanwhile")
    assert good.failures == []
    assert after - before < 64 * 1024, f"VmRSS grew from {before} KiB to {after} KiB"
