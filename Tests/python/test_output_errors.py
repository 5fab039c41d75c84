"""Output that cannot be written is an error (issue 16, F8): with stdout on /dev/full, which
refuses every write with ENOSPC, each way ccs prints exits non-zero and says why on stderr,
instead of exiting 0 with the output lost."""

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


def run_into_dev_full(*arguments, cwd=None):
    with open("/dev/full", "w") as full:
        return subprocess.run([CCS_BIN, *arguments], stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=60, cwd=cwd)


def test_a_short_print_that_cannot_be_written_fails():
    result = run_into_dev_full("-e", 'print("x")')
    assert result.returncode == 1
    assert "ccs: cannot write to standard output: No space left on device" in result.stderr


def test_a_large_script_output_that_cannot_be_written_fails(tmp_path):
    # 1.2 MB, more than the output buffer holds, so the failure happens while the script runs.
    script = tmp_path / "big.ccs"
    script.write_text('for i in range(20000) { print("' + "y" * 60 + '") }\n')
    result = run_into_dev_full(str(script))
    assert result.returncode == 1
    assert "cannot write to standard output: No space left on device" in result.stderr


def test_a_script_error_keeps_its_own_exit_status():
    result = run_into_dev_full("-e", 'print("x"); throw "boom"')
    assert result.returncode == 1
    assert "boom" in result.stderr


def test_query_output_that_cannot_be_written_fails(tmp_path):
    document = tmp_path / "doc.json"
    document.write_text('{"a": [1, 2, 3]}')
    result = run_into_dev_full("query", "$.a[*]", str(document))
    assert result.returncode == 1
    assert "ccs: cannot write to standard output: No space left on device" in result.stderr


def test_output_to_a_pipe_still_succeeds():
    result = subprocess.run([CCS_BIN, "-e", 'print("x")'], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout == "x\n"
