"""`--cli-read-timeout` and `--cli-connect-timeout`, and the profile's `cli_read_timeout`
(AWS CLI semantics, 0 = none), against a loopback server that accepts and never answers: the
call fails after the time-out given, not after 60 s per attempt, and says which time-out
fired (issue 16)."""

import os
import socket
import subprocess
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")


class SilentServer:
    """Accepts connections, reads what they send, never answers."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        self.listener.close()
        for connection in self.connections:
            connection.close()


def environment(home, **extra):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
           "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1",
           "AWS_MAX_ATTEMPTS": "2", "AWS_CONFIG_FILE": str(home / "config"),
           "AWS_SHARED_CREDENTIALS_FILE": str(home / "credentials"), "CCS_NO_SCHEMA_CACHE": "1"}
    env.update(extra)
    return env


def list_resources(env, *options):
    """`ccs api ListResources` against a fresh silent server: (result, seconds taken)."""
    server = SilentServer()
    started = time.monotonic()
    try:
        result = subprocess.run(
            [CCS_BIN, "--endpoint-url", f"http://127.0.0.1:{server.port}", *options, "api", "ListResources",
             '{"TypeName": "AWS::Logs::LogGroup"}'], capture_output=True, text=True, env=env, timeout=120)
    finally:
        server.close()
    return result, time.monotonic() - started


def test_the_read_timeout_option_bounds_a_silent_server(tmp_path):
    result, seconds = list_resources(environment(tmp_path), "--cli-read-timeout", "1")
    assert result.returncode != 0
    assert "read timeout: nothing received for 1 s (--cli-read-timeout, cli_read_timeout" in result.stderr
    # Two attempts of about a second each, and a backoff of at most a second between them.
    assert seconds < 6, f"took {seconds:.1f} s"


def test_the_profile_key_sets_it_too(tmp_path):
    (tmp_path / "config").write_text("[default]\ncli_read_timeout = 1\n")
    result, seconds = list_resources(environment(tmp_path))
    assert "read timeout: nothing received for 1 s" in result.stderr
    assert seconds < 6


def test_a_bad_value_is_a_clear_error(tmp_path):
    (tmp_path / "config").write_text("[default]\ncli_connect_timeout = soon\n")
    result, _ = list_resources(environment(tmp_path))
    assert result.returncode != 0
    assert "Invalid value 'soon' for cli_connect_timeout" in result.stderr
