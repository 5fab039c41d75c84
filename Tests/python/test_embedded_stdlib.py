"""The stdlib is built into the binary (issue 11): a copied `ccs` alone imports every
stdlib module; $CCS_STDLIB_PATH and the script's own folder still come first; a script named
like a stdlib module imports the stdlib module, not itself."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")
MODULES = sorted(p.stem for p in (REPO / "stdlib").glob("*.ccs"))


def run(binary, script, folder, env=None):
    environment = {k: v for k, v in os.environ.items() if k != "CCS_STDLIB_PATH"}
    environment.update(env or {})
    path = Path(folder) / script[0]
    path.write_text(script[1])
    return subprocess.run([binary, str(path)], capture_output=True, text=True, timeout=120,
                          env=environment, cwd=folder)


def test_the_generated_swift_file_is_up_to_date():
    check = subprocess.run([sys.executable, str(REPO / "scripts" / "embed-stdlib.py"), "--check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_a_copied_binary_imports_every_stdlib_module():
    with tempfile.TemporaryDirectory() as bin_folder, tempfile.TemporaryDirectory() as work:
        binary = str(Path(bin_folder) / "ccs")
        shutil.copy(CCS_BIN, binary)
        source = "".join(f'import "{m}"\n' for m in MODULES)
        source += "print(" + ", ".join(f"type({m})" for m in MODULES) + ")\n"
        source += 'print(tags.parse_selector(["team=core"]).team)\n'
        result = run(binary, ("all.ccs", source), work)
        assert result.returncode == 0, result.stderr
        assert result.stdout == " ".join(["map"] * len(MODULES)) + "\ncore\n"


def test_folders_come_before_the_built_in_modules():
    with tempfile.TemporaryDirectory() as bin_folder, tempfile.TemporaryDirectory() as work, \
            tempfile.TemporaryDirectory() as stdlib:
        binary = str(Path(bin_folder) / "ccs")
        shutil.copy(CCS_BIN, binary)
        Path(stdlib, "tags.ccs").write_text('let origin = "CCS_STDLIB_PATH"\n')
        result = run(binary, ("a.ccs", 'import "tags"\nprint(tags.origin)\n'), work, {"CCS_STDLIB_PATH": stdlib})
        assert result.stdout == "CCS_STDLIB_PATH\n", result.stderr
        Path(work, "tags.ccs").write_text('let origin = "local"\n')
        result = run(binary, ("b.ccs", 'import "tags"\nprint(tags.origin)\n'), work, {"CCS_STDLIB_PATH": stdlib})
        assert result.stdout == "local\n", result.stderr


def test_a_script_named_like_a_stdlib_module_imports_the_stdlib_one():
    with tempfile.TemporaryDirectory() as work:
        result = run(CCS_BIN, ("inventory.ccs", 'import "inventory"\nprint(type(inventory.collect))\n'), work)
        assert result.returncode == 0, result.stderr
        assert result.stdout == "function\n"
