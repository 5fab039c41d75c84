"""`ccs serve` refuses option values it cannot honour with a usage error (exit 2) that names
the option (issue 16, minor items)."""

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")


@pytest.mark.parametrize("arguments, message", [
    (["--latency", "1e308"], "--latency 1e+308 must be a number of milliseconds from 0 to 86400000 (a day)"),
    (["--latency=-1"], "must be a number of milliseconds from 0 to 86400000"),
    (["--latency", "nan"], "must be a number of milliseconds from 0 to 86400000"),
    (["--max-connections", "0"], "--max-connections 0 must be at least 1"),
])
def test_values_out_of_range_are_usage_errors(arguments, message, tmp_path):
    result = subprocess.run([CCS_BIN, "serve", "--port", "0", "--db", ":memory:", *arguments],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
