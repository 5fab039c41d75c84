"""`read_file` reads to the end of what it is given (issue 16, F11): a pipe on /dev/stdin,
so that `aws ... | ccs script.ccs` works, and files whose size `stat` does not know."""

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")


def test_a_pipe_on_stdin_is_read_whole():
    document = '{"ResourceDescriptions": [' + ",".join('{"Identifier": "q%d"}' % i for i in range(20000)) + "]}"
    result = subprocess.run(
        [CCS_BIN, "-e", 'print(len(parse_json(read_file("/dev/stdin")).ResourceDescriptions))'],
        input=document, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "20000\n"


def test_a_missing_file_says_why():
    result = subprocess.run([CCS_BIN, "-e", 'read_file("/nonexistent/ccs/input.json")'],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "read_file: cannot read '/nonexistent/ccs/input.json': No such file or directory" in result.stderr
