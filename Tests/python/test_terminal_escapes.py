"""Untrusted text written to a terminal has its control characters escaped (issue 16, F13):
a script's diagnostic quoting a service message with escape sequences shows them as `\\x1b`
on a pseudo-terminal, and keeps the exact bytes when stderr is a pipe. Runs `ccs --local`
(no network) in a throwaway HOME."""

import os
import pty
import select
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")

HOSTILE = "\x1b[2J\x1b[31mPWNED\x1b]0;title\x07\u009b6n\u202e"
SCRIPT = 'get("AWS::Logs::LogGroup", "\\u{1b}[2J\\u{1b}[31mPWNED\\u{1b}]0;title\\u{7}\\u{9b}6n\\u{202e}")'


def environment(home):
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data")}


def run_on_terminal(arguments, env, timeout=60):
    """Runs ccs with stdout and stderr on a pseudo-terminal; returns (status, bytes shown)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(arguments, stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal,
                               env=env, close_fds=True)
    os.close(terminal)
    shown = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                break  # the terminal closed: every writer has exited
            if not chunk:
                break
            shown += chunk
        elif process.poll() is not None:
            break
    os.close(controller)
    return process.wait(timeout=10), shown


def test_a_service_message_with_escapes_is_shown_escaped_on_a_terminal(tmp_path):
    status, shown = run_on_terminal([CCS_BIN, "--local", "-e", SCRIPT], environment(tmp_path))
    assert status == 1
    text = shown.decode("utf-8")
    assert "ResourceNotFoundException" in text
    assert "\\x1b[2J\\x1b[31mPWNED\\x1b]0;title\\x07\\u{9b}6n\\u{202e}" in text
    for raw in ("\x1b", "\x07", "\u009b", "\u202e"):
        assert raw not in text, f"raw {raw!r} written to the terminal: {text!r}"


def test_the_same_message_into_a_pipe_stays_exact(tmp_path):
    result = subprocess.run([CCS_BIN, "--local", "-e", SCRIPT], capture_output=True, text=True,
                            env=environment(tmp_path), timeout=60)
    assert result.returncode == 1
    assert HOSTILE in result.stderr
