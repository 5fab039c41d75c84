"""`ccs api` on a terminal escapes control characters that a server or another account's
user put into messages, properties and identifiers (issue 16, F13), on stdout and stderr; a
pipe gets the exact bytes. The server is a loopback stub; ccs runs under a pseudo-terminal."""

import json
import os
import pty
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")
HOSTILE = "\x1b[2J\x1b[31mPWNED\x1b]0;title\x07\u009b"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        target = self.headers.get("X-Amz-Target", "")
        if target.endswith("ListResources"):
            status, body = 200, {"TypeName": "AWS::Logs::LogGroup", "ResourceDescriptions": [
                {"Identifier": "id" + HOSTILE, "Properties": json.dumps({"Tag": HOSTILE})}]}
        else:
            status, body = 400, {"__type": "ResourceNotFoundException", "message": "gone " + HOSTILE}
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def endpoint():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def environment():
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_REGION="us-east-1",
               AWS_EC2_METADATA_DISABLED="true", AWS_MAX_ATTEMPTS="1")
    return env


def on_terminal(arguments):
    """Runs ccs with stdout and stderr on one pseudo-terminal; returns (bytes shown, status)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen([CCS_BIN, *arguments], stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal,
                               env=environment())
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    return shown, process.wait(timeout=60)


@pytest.mark.parametrize("output", ["json", "text", "yaml", "table"])
def test_properties_and_identifiers_are_escaped_on_a_terminal(endpoint, output):
    shown, status = on_terminal(["api", "list-resources", "--type-name", "AWS::Logs::LogGroup", "--properties",
                                 "--output", output, "--endpoint-url", endpoint])
    assert status == 0, shown
    assert b"\x1b" not in shown and b"\x07" not in shown and "\u009b".encode() not in shown
    assert b"PWNED" in shown


def test_a_service_message_is_escaped_on_a_terminal(endpoint):
    shown, status = on_terminal(["api", "get-resource", "--type-name", "AWS::Logs::LogGroup", "--identifier", "x",
                                 "--endpoint-url", endpoint])
    assert status == 254
    assert b"\x1b" not in shown and b"\x07" not in shown
    assert b"gone \\x1b[2J\\x1b[31mPWNED\\x1b]0;title\\x07\\u{9b}" in shown


def test_a_pipe_gets_the_exact_bytes(endpoint):
    result = subprocess.run([CCS_BIN, "api", "list-resources", "--type-name", "AWS::Logs::LogGroup", "--properties",
                             "--output", "text", "--endpoint-url", endpoint], capture_output=True, env=environment(),
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert HOSTILE.encode() in result.stdout
