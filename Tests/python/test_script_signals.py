"""SIGINT and SIGTERM stop a script with a catchable `Interrupted` error (issue 11): its
`finally` blocks run, the exit status is the shell's for death by that signal (130, 143),
and the Cloud Control requests still in flight are named with their tokens."""

import os
import signal
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")

LONG_JOB = """
try {
  print("started")
  sleep(60)
  print("not reached")
} finally {
  print("cleanup ran")
}
"""


def run_until_started(source, sig, extra=()):
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "job.ccs"
        script.write_text(source)
        # --local gets a database of its own: the default one outlives the test, and a
        # ClientToken it already saw would replay a finished request.
        extra = [f"--local={folder}/local.sqlite" if option == "--local" else option for option in extra]
        process = subprocess.Popen([CCS_BIN, *extra, str(script)], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        assert process.stdout.readline() == "started\n"
        process.send_signal(sig)
        out, err = process.communicate(timeout=60)
        return process.returncode, out, err


def test_sigint_runs_the_finally_block_and_exits_130():
    status, out, err = run_until_started(LONG_JOB, signal.SIGINT)
    assert out == "cleanup ran\n"
    assert status == 130, err
    assert "interrupted by SIGINT" in err


def test_sigterm_exits_143_after_cleanup():
    status, out, err = run_until_started(LONG_JOB, signal.SIGTERM)
    assert out == "cleanup ran\n"
    assert status == 143, err


def test_the_interruption_is_catchable_with_its_code():
    source = """
try {
  print("started")
  sleep(60)
} catch e {
  print(e.code, e.signal, e.message)
}
print("went on")
"""
    status, out, err = run_until_started(source, signal.SIGINT)
    assert out == "Interrupted SIGINT interrupted by SIGINT\nwent on\n"
    assert status == 0, err


def test_requests_in_flight_are_named():
    source = """
let req = create("AWS::Logs::LogGroup", {LogGroupName: "signal-demo"}, {client_token: "tok-signal-demo"})
print("started")
sleep(60)
"""
    with tempfile.TemporaryDirectory() as folder:
        # A fresh emulator: in a used one the token would replay a request long finished.
        status, out, err = run_until_started(source, signal.SIGINT, extra=[f"--local={folder}/db"])
    assert status == 130, err
    assert "1 Cloud Control request(s) still in flight" in err
    assert "CREATE AWS::Logs::LogGroup" in err
    assert "ClientToken tok-signal-demo" in err
