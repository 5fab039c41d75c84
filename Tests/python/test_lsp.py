"""`ccs lsp` end to end with a real LSP client (pytest-lsp): diagnostics with ranges for a
syntax error and an undefined name, completion of resource type names and of property names
in a create map, hover on a built-in and on a property, go to definition of a function and
of an imported module's member, document symbols (issue 14)."""

import os
import sys
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
CCS_BIN = os.environ.get("CCS_BIN") or str(REPO / ".build" / "debug" / "ccs")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[CCS_BIN, "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=REPO.as_uri()))
    yield
    await lsp_client.shutdown_session()


async def open_document(client, path, text):
    uri = Path(path).as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="ccs", version=1, text=text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


def position(text, marker, offset=0):
    """The LSP position of `marker`'s first occurrence in `text`, plus `offset` characters."""
    index = text.index(marker) + offset
    line = text.count("\n", 0, index)
    return types.Position(line=line, character=index - (text.rfind("\n", 0, index) + 1))


def span(d):
    return (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)


@pytest.mark.asyncio
async def test_syntax_error_has_a_range(client, tmp_path):
    uri = await open_document(client, tmp_path / "bad.ccs", "let x = 1\nlet y = 2 +* 3\nprint(x)\n")
    diagnostics = client.diagnostics[uri]
    assert len(diagnostics) >= 1
    first = diagnostics[0]
    assert first.severity == types.DiagnosticSeverity.Error
    assert first.source == "ccs"
    # Line 2 (0-based 1), the `*` that cannot start an operand: one character.
    assert span(first) == (1, 11, 1, 12), first
    assert "near '*'" in first.message


@pytest.mark.asyncio
async def test_undefined_name_has_the_range_of_the_name(client, tmp_path):
    text = "let count_ = 1\nprint(cuont_ + 1)\n"
    uri = await open_document(client, tmp_path / "undefined.ccs", text)
    (diagnostic,) = client.diagnostics[uri]
    assert span(diagnostic) == (1, 6, 1, 12)
    assert "cuont_" in diagnostic.message


@pytest.mark.asyncio
async def test_a_type_name_no_schema_describes_gets_a_note(client, tmp_path):
    text = 'let b = get("AWS::S3::Buckt", "x")\nlet q = get("AWS::SQS::Queue", "y")\n'
    uri = await open_document(client, tmp_path / "typo.ccs", text)
    (note,) = client.diagnostics[uri]
    assert note.severity == types.DiagnosticSeverity.Information
    assert span(note) == (0, 12, 0, 28)
    assert "no schema describes 'AWS::S3::Buckt'" in note.message and "Bucket" in note.message


@pytest.mark.asyncio
async def test_a_change_clears_the_diagnostics(client, tmp_path):
    uri = await open_document(client, tmp_path / "fix.ccs", "print(nope)\n")
    assert len(client.diagnostics[uri]) == 1
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text="print(1)\n")]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert len(client.diagnostics[uri]) == 0


async def complete(client, uri, pos):
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos))
    items = result.items if hasattr(result, "items") else result
    return {item.label: item for item in items}


@pytest.mark.asyncio
async def test_type_names_complete_in_the_first_argument(client, tmp_path):
    text = 'let b = create("AWS::S3::Bu'
    uri = await open_document(client, tmp_path / "types.ccs", text)
    items = await complete(client, uri, position(text, "Bu", 2))
    assert "AWS::S3::Bucket" in items
    edit = items["AWS::S3::Bucket"].text_edit
    # The edit replaces the whole string typed so far, colons included.
    assert (edit.range.start.character, edit.range.end.character) == (text.index("AWS"), len(text))


@pytest.mark.asyncio
async def test_property_names_complete_in_a_create_map(client, tmp_path):
    text = 'let q = create("AWS::SQS::Queue", {QueueName: "jobs", Vis})\n'
    uri = await open_document(client, tmp_path / "props.ccs", text)
    items = await complete(client, uri, position(text, "Vis", 3))
    assert "VisibilityTimeout" in items
    assert "DelaySeconds" in items
    # Read-only properties cannot be given to create.
    assert "Arn" not in items
    assert "integer" in items["VisibilityTimeout"].detail


@pytest.mark.asyncio
async def test_nested_property_names_complete_and_hover(client, tmp_path):
    text = 'create("AWS::SQS::Queue", {Tags: [{Key: "team", Va}]})\n'
    uri = await open_document(client, tmp_path / "nested.ccs", text)
    items = await complete(client, uri, position(text, "Va}", 2))
    assert set(items) == {"Key", "Value"}
    assert items["Value"].detail == "string, required"
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, "Key", 1)))
    assert hover.contents.value.startswith("**AWS::SQS::Queue.Tags[].Key**: string, required")


@pytest.mark.asyncio
async def test_property_names_complete_in_a_patch_map_of_a_resource_variable(client, tmp_path):
    text = 'let g = get("AWS::Logs::LogGroup", "app")\npatch(g, {Ret})\n'
    uri = await open_document(client, tmp_path / "patch.ccs", text)
    items = await complete(client, uri, position(text, "Ret", 3))
    assert "RetentionInDays" in items


@pytest.mark.asyncio
async def test_builtins_and_stdlib_members_complete(client, tmp_path):
    text = 'import "table"\nlet rows = []\nprint(table.te)\nlen\n'
    uri = await open_document(client, tmp_path / "members.ccs", text)
    members = await complete(client, uri, position(text, "table.te", 8))
    assert "text" in members and "csv" in members
    assert not any(name.startswith("_") for name in members)
    names = await complete(client, uri, position(text, "len\n", 3))
    assert "len" in names and "rows" in names and "create" in names


@pytest.mark.asyncio
async def test_hover_on_a_builtin_and_on_a_property(client, tmp_path):
    text = 'let q = create("AWS::SQS::Queue", {QueueName: "jobs"})\nprint(len([1]))\n'
    uri = await open_document(client, tmp_path / "hover.ccs", text)
    builtin = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, "len", 1)))
    assert "len(" in builtin.contents.value
    prop = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, "QueueName", 2)))
    value = prop.contents.value
    assert "AWS::SQS::Queue.QueueName" in value and "string" in value and "create-only" in value
    assert "queue" in value.lower()
    resource = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, "SQS::Queue", 3)))
    assert resource.contents.value.startswith("**AWS::SQS::Queue**")
    assert "Identifier: QueueUrl" in resource.contents.value


@pytest.mark.asyncio
async def test_definition_of_a_function_and_of_a_module_member(client, tmp_path):
    module = tmp_path / "helpers.ccs"
    module.write_text("# Doubles.\nfn double(x) => x * 2\n")
    text = 'import "helpers"\nfn twice(f, x) {\n  return f(f(x))\n}\nprint(twice(helpers.double, 1))\n'
    uri = await open_document(client, tmp_path / "main.ccs", text)
    local = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, "twice(helpers", 2)))
    local = local[0] if isinstance(local, list) else local
    assert local.uri == uri
    assert (local.range.start.line, local.range.start.character) == (1, 3)
    member = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, "double", 2)))
    member = member[0] if isinstance(member, list) else member
    assert member.uri == module.as_uri()
    assert (member.range.start.line, member.range.start.character) == (1, 3)
    imported = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, '"helpers"', 3)))
    imported = imported[0] if isinstance(imported, list) else imported
    assert imported.uri == module.as_uri()


@pytest.mark.asyncio
async def test_document_symbols(client, tmp_path):
    text = 'import "table"\nlet limit = 3\nfn outer(a) {\n  fn inner(b) => b\n  return inner(a)\n}\n'
    uri = await open_document(client, tmp_path / "symbols.ccs", text)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [s.name for s in symbols] == ["table", "limit", "outer"]
    outer = symbols[2]
    assert outer.kind == types.SymbolKind.Function
    assert [c.name for c in outer.children] == ["inner"]
    assert (outer.range.start.line, outer.range.end.line) == (2, 5)


@pytest.mark.asyncio
async def test_positions_count_utf16_code_units(client, tmp_path):
    # 'é' is one UTF-16 unit (two UTF-8 bytes), '😀' two (four bytes): `nope` starts at 21.
    text = 'let s = "é😀"; print(nope)\n'
    uri = await open_document(client, tmp_path / "unicode.ccs", text)
    (diagnostic,) = client.diagnostics[uri]
    assert span(diagnostic) == (0, 21, 0, 25)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=16)))
    assert "print(" in hover.contents.value
