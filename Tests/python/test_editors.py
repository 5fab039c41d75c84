"""editors/: the VS Code extension's files are valid JSON and agree with each other and with
the server's command; every pattern of the TextMate grammar compiles (Python's `re` accepts
the subset of Oniguruma the grammar uses) and marks what it should on a sample line."""

import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VSCODE = REPO / "editors" / "vscode"


def grammar():
    return json.loads((VSCODE / "syntaxes" / "ccs.tmLanguage.json").read_text())


def patterns(node):
    if isinstance(node, dict):
        for key in ("match", "begin", "end"):
            if key in node:
                yield node[key]
        for value in node.values():
            yield from patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from patterns(value)


def test_the_manifest_names_the_grammar_and_the_language():
    manifest = json.loads((VSCODE / "package.json").read_text())
    (language,) = manifest["contributes"]["languages"]
    assert language["id"] == "ccs" and language["extensions"] == [".ccs"]
    (entry,) = manifest["contributes"]["grammars"]
    assert entry["scopeName"] == grammar()["scopeName"] == "source.ccs"
    assert (VSCODE / entry["path"]).exists()
    assert (VSCODE / language["configuration"]).exists()
    json.loads((VSCODE / language["configuration"]).read_text())
    assert '["lsp"]' in (VSCODE / manifest["main"]).read_text().replace("args: ", "")


def test_every_grammar_pattern_compiles_and_the_repository_is_complete():
    document = grammar()
    for pattern in patterns(document):
        re.compile(pattern)
    included = set(re.findall(r'"include": "#([a-z-]+)"', json.dumps(document)))
    assert included <= set(document["repository"])


def test_the_grammar_marks_a_sample_line():
    repository = grammar()["repository"]
    line = 'fn f(x) { let q = create("AWS::SQS::Queue", {QueueName: "a${x}"}) }  # note'
    assert re.search(repository["function-declaration"]["match"], line).group(2) == "f"
    assert re.search(repository["type-name"]["match"], line).group(0) == "AWS::SQS::Queue"
    assert re.search(repository["comment"]["match"], line).group(0) == "# note"
    assert re.search(repository["interpolation"]["begin"], line)


def test_the_neovim_snippet_starts_the_server():
    snippet = (REPO / "editors" / "nvim" / "ccs.lua").read_text()
    assert 'cmd = { "ccs", "lsp" }' in snippet
    assert 'extension = { ccs = "ccs" }' in snippet
