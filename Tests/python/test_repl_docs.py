"""The sessions docs/REPL.md shows are real: each ```repl-session block is typed into a fresh
`ccs --local` REPL in tmux, line by line, and the screen must read as the block does.
Request tokens (UUIDs) and `:time` figures differ between runs and are compared as
placeholders. CCS_RECORD_REPL_DOCS=1 writes the screens into the blocks instead (review the
diff before committing it)."""

import os
import pathlib
import re

import pytest

from repl_terminal import Terminal, hermetic_env

DOC = pathlib.Path(__file__).resolve().parents[2] / "docs" / "REPL.md"
BLOCK = re.compile(r"^```repl-session\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks():
    return [match.group(1) for match in BLOCK.finditer(DOC.read_text())]


def normalise(text):
    text = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>", text)
    text = re.sub(r"^time: \d+\.\d+ ms$", "time: <ms> ms", text, flags=re.MULTILINE)
    return text


def inputs(block):
    """The lines typed: those after a `ccs> ` or `...  ` prompt."""
    typed = []
    for line in block.splitlines():
        if line.startswith("ccs> "):
            typed.append(line[len("ccs> "):])
        elif line.startswith("...  "):
            typed.append(line[len("...  "):])
    return typed


def replay(block, workdir, env):
    term = Terminal(["--local=local.sqlite"], dict(env, NO_COLOR="1"), workdir)
    try:
        term.wait_prompt(1)
        typed = inputs(block)
        for i, line in enumerate(typed):
            term.line(line)
            if line in ("quit", "exit", ":quit"):
                assert term.wait_exit() == 0
                break
            deadline_prompts = i + 2
            term.wait_for_prompts(deadline_prompts)
        screen = term.screen().rstrip("\n").splitlines()
        # The pane shows a "Pane is dead" note once ccs has left; the block ends before it.
        return "\n".join(line for line in screen if not line.startswith("Pane is dead")).rstrip("\n") + "\n"
    finally:
        term.close()


@pytest.mark.parametrize("index", range(len(blocks())))
def test_docs_repl_session_is_what_the_screen_shows(index, tmp_path):
    (tmp_path / "state").mkdir()
    env = hermetic_env(tmp_path / "state")
    block = blocks()[index]
    screen = replay(block, tmp_path, env)
    if os.environ.get("CCS_RECORD_REPL_DOCS") == "1":
        text = DOC.read_text()
        found = list(BLOCK.finditer(text))[index]
        DOC.write_text(text[:found.start(1)] + screen + text[found.end(1):])
        return
    assert normalise(screen) == normalise(block)
