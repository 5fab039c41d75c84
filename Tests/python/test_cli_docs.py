"""docs/CLI.md shows real sessions: every ```console block is a shell session whose `$ `
lines are commands and whose other lines are what they print (stdout and stderr together).
This test runs each block's commands in order, in one bash, in a fresh folder with `ccs` on
PATH and no AWS settings in the environment, and compares what each printed with the docs.
A change of output or of exit status (shown with `$ echo $?`) fails it until the docs say so."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")
DOC = REPO / "docs" / "CLI.md"
MARK = "@@ccs-doc-session-step@@"


def sessions():
    """(first line number, [(command, expected output lines)]) for each console block."""
    text = DOC.read_text()
    blocks = []
    for match in re.finditer(r"^( *)```console\n(.*?)^\1```", text, re.S | re.M):
        indent = len(match.group(1))
        line = text.count("\n", 0, match.start()) + 1
        steps = []
        for raw in match.group(2).splitlines():
            row = raw[indent:]
            if row.startswith("$ "):
                steps.append((row[2:], []))
            elif steps:
                steps[-1][1].append(row)
        blocks.append((line, steps))
    return blocks


def clean_environment(home):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "CCS_"))}
    bin_dir = str(Path(CCS_BIN).resolve().parent)
    environment.update(
        PATH=bin_dir + os.pathsep + environment.get("PATH", ""), HOME=str(home), TZ="UTC",
        AWS_EC2_METADATA_DISABLED="true", XDG_DATA_HOME=str(home / "data"), CCS_NO_SCHEMA_CACHE="1")
    # The commands say `ccs`: the binary under test must be the one found first.
    assert shutil.which("ccs", path=environment["PATH"]) == str(Path(bin_dir) / "ccs")
    return environment


BLOCKS = sessions()


def test_the_docs_have_sessions():
    assert len(BLOCKS) >= 3
    assert sum(len(steps) for _, steps in BLOCKS) >= 10


@pytest.mark.parametrize("line,steps", BLOCKS, ids=[f"CLI.md:{line}" for line, _ in BLOCKS])
def test_session(tmp_path, line, steps):
    home = tmp_path / "home"
    home.mkdir()
    # Each command's output is followed by a marker; `$?` survives the marker for `echo $?`.
    script = "".join(f"{command} 2>&1\n__status=$?\necho {MARK}\n(exit $__status)\n" for command, _ in steps)
    result = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=clean_environment(home),
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    outputs = result.stdout.split(MARK + "\n")
    assert len(outputs) == len(steps) + 1, result.stdout + result.stderr
    for (command, expected), actual in zip(steps, outputs):
        assert actual.splitlines() == expected, f"docs/CLI.md:{line}: $ {command}"
