"""write_file writes through symbolic links and replaces regular files atomically;
read_file("-") and read_lines("-") read standard input, pipes included (issue 11)."""

import os
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")


def ccs(code, stdin=None):
    return subprocess.run([CCS_BIN, "-e", code], input=stdin, capture_output=True, text=True, timeout=60)


def test_write_file_writes_through_a_symlink():
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "real.txt"
        target.write_text("old")
        os.chmod(target, 0o640)
        link = Path(folder) / "link.txt"
        link.symlink_to("real.txt")
        result = ccs(f'write_file("{link}", "new")')
        assert result.returncode == 0, result.stderr
        assert link.is_symlink()
        assert target.read_text() == "new"
        assert oct(target.stat().st_mode & 0o777) == oct(0o640)
        assert sorted(os.listdir(folder)) == ["link.txt", "real.txt"]


def test_write_file_to_dev_stdout_writes_to_standard_output():
    result = ccs('write_file("/dev/stdout", "to stdout\\n")')
    assert result.returncode == 0, result.stderr
    assert result.stdout == "to stdout\n"


def test_read_file_dash_reads_a_pipe():
    result = ccs('print(len(read_file("-")), read_lines("-"))', stdin="a\nb\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "4 []\n"
    result = ccs('print(read_lines("-"))', stdin="x\r\ny\n")
    assert result.stdout == '["x","y"]\n'
