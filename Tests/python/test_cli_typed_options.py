"""Typed options in the `cli` stdlib module exit 2 with a usage error when a value does not
read as its type, and an error escaping the body says where it was raised (issue 11)."""

import os
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")

SCRIPT = """import "cli"
let spec = {name: "batch.ccs", options: [{name: "size", value: "N", type: "int", default: 10}]}
cli.run(spec, args, fn(a) {
  if a.options.size > 100 { throw {code: "TooBig", message: "size ${a.options.size}"} }
  print(a.options.size * 2)
})
"""


def run(*arguments):
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "batch.ccs"
        script.write_text(SCRIPT)
        return subprocess.run([CCS_BIN, str(script), *arguments], capture_output=True, text=True, timeout=60,
                              cwd=folder)


def test_an_int_option_is_an_int():
    result = run("--size", "21")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "42\n"


def test_a_value_that_is_not_an_int_exits_2():
    result = run("--size", "lots")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == "batch.ccs: option '--size' needs an integer, got 'lots'"


def test_an_error_in_the_body_names_its_line():
    result = run("--size", "500")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "batch.ccs: error: TooBig: size 500"
    assert lines[1].startswith("  at ") and lines[1].endswith("batch.ccs:4:29")
