"""The standing adversarial suite (issue 16): ccs against a loopback server that answers in
one hostile way per mode (hostile_server.py). For each mode, `ccs api GetResource` and a
script calling `get` must end with a clear error (or, where the answer is usable, a result),
within a bounded time and memory; on a pseudo-terminal the script's diagnostic holds no raw
control character. Loopback only; every run is bounded by the read time-out and a timeout."""

import os
import pty
import select
import subprocess
import time
from pathlib import Path

import pytest

from hostile_server import HostileServer, MODES

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")

GET = '{"TypeName": "AWS::Logs::LogGroup", "Identifier": "x"}'
SCRIPT = 'let r = get("AWS::Logs::LogGroup", "x"); print(type(r), r.id); print(len(json(r.props)) > 0)'
# Seconds each mode may take: two attempts of at most the 2 s read time-out plus backoff, or
# the 20 s Retry-After cap, or a 9 s trickle of headers.
BOUND = {"throttled-huge-retry-after": 45, "slow-headers": 40}
MAX_RSS_KIB = 300 * 1024
# Modes whose answer is a usable resource.
SUCCEEDS = {"ansi-properties"}
# `ccs api` prints a 200's body as it got it, as the AWS CLI does (docs/CLI.md); the
# built-ins refuse these (MalformedResponse, JSONError).
API_PRINTS = SUCCEEDS | {"empty-200", "empty-object-200", "deep-properties"}


def environment(home):
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
            "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1",
            "AWS_MAX_ATTEMPTS": "2", "AWS_CONFIG_FILE": str(home / "config"),
            "AWS_SHARED_CREDENTIALS_FILE": str(home / "credentials"), "CCS_NO_SCHEMA_CACHE": "1"}


def peak_rss_kib(pid):
    """The process's peak resident set (VmHWM) so far, in KiB, or 0 once it has exited.

    Read from /proc because rusage cannot say it: a child forked from this test process
    starts with the test process's own high-water mark in ru_maxrss (the kernel keeps the
    larger of the old and the new image's across exec), so after a long pytest run every
    child would seem as large as pytest itself."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run(arguments, env, terminal=False, timeout=120):
    """Runs ccs with stdout and stderr on one pipe, or on a pseudo-terminal; returns (status,
    what it wrote, seconds, peak RSS in KiB sampled every 0.1 s while it ran)."""
    started = time.monotonic()
    reader, writer = pty.openpty() if terminal else os.pipe()
    process = subprocess.Popen(arguments, stdin=subprocess.DEVNULL, stdout=writer, stderr=writer, env=env)
    os.close(writer)
    output = b""
    peak = 0
    while time.monotonic() - started < timeout:
        peak = max(peak, peak_rss_kib(process.pid))
        ready, _, _ = select.select([reader], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(reader, 65536)
            except OSError:
                break  # a terminal whose every writer has exited
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    else:
        process.kill()
    os.close(reader)
    code = process.wait()
    return code, output.decode("utf-8", "replace"), time.monotonic() - started, peak


def run_bounded(mode, arguments, home, terminal=False):
    """Runs ccs against a server in `mode`; checks its time, memory and that no signal ended
    it; returns (status, output)."""
    server = HostileServer(mode)
    try:
        status, output, seconds, rss = run(
            [CCS_BIN, "--endpoint-url", server.url, "--cli-read-timeout", "2", *arguments],
            environment(home), terminal=terminal)
    finally:
        server.close()
    assert server.elsewhere_connections == 0, f"{mode}: a redirect was followed"
    assert seconds < BOUND.get(mode, 20), f"{mode}: {seconds:.1f} s\n{output[-2000:]}"
    assert rss < MAX_RSS_KIB, f"{mode}: {rss} KiB"
    assert status >= 0, f"{mode}: killed by signal {-status}\n{output[-2000:]}"
    return status, output


@pytest.mark.parametrize("mode", sorted(MODES))
def test_ccs_api_meets_each_hostile_answer_with_a_clear_end(mode, tmp_path):
    status, output = run_bounded(mode, ["api", "GetResource", GET], tmp_path)
    if mode in API_PRINTS:
        assert status == 0, output[-2000:]
    else:
        assert status != 0, f"{mode}: exit 0\n{output[-2000:]}"
        assert output.strip(), f"{mode}: failed without a word"


@pytest.mark.parametrize("mode", sorted(MODES))
def test_a_script_meets_each_hostile_answer_with_a_clear_error(mode, tmp_path):
    status, output = run_bounded(mode, ["-e", SCRIPT], tmp_path, terminal=True)
    if mode in SUCCEEDS:
        assert status == 0, output[-2000:]
        return
    assert status == 1, f"{mode}: exit {status}\n{output[-2000:]}"
    assert "<eval>:1:" in output and "error: " in output, output[-2000:]
    # The diagnostic is on a terminal: no raw escape, bell or other control character.
    raw = [c for c in output if (ord(c) < 0x20 and c not in "\r\n\t") or 0x7F <= ord(c) <= 0x9F]
    assert not raw, f"{mode}: raw control characters {raw[:5]} in {output[-2000:]!r}"
