"""The REPL's ergonomics (issue 14) and its escaping of untrusted text (issue 16, F13), typed
at a pseudo-terminal (tmux) against the in-process emulator and read off the screen."""

import re
import subprocess

import pytest

from repl_terminal import Terminal
from test_repl import env, workdir  # noqa: F401 (the same fixtures as test_repl.py's)

MAKE_GROUP = ('let {name} = get("AWS::Logs::LogGroup", wait(create("AWS::Logs::LogGroup", '
              '{{LogGroupName: "{id}", RetentionInDays: 7}})).Identifier)')


def make_groups(term, **groups):
    """Binds each name to a new log group with that identifier, and waits for the prompts."""
    before = term.prompts()
    for name, identifier in groups.items():
        term.line(MAKE_GROUP.format(name=name, id=identifier))
    term.wait_prompt(before + len(groups), timeout=30)


@pytest.fixture
def repl(workdir, env):
    terminals = []

    def start(environment=None, height=200):
        term = Terminal([f"--local={workdir / 'local.sqlite'}"], environment or env, workdir, height=height)
        terminals.append(term)
        term.wait_prompt(1)
        return term

    yield start
    for term in terminals:
        term.close()


def coloured_screen(term):
    return subprocess.run(["tmux", "capture-pane", "-e", "-p", "-t", term.name, "-S", "-200"],
                          capture_output=True, text=True, check=True).stdout


def test_banner_names_version_backend_account_region_and_help(repl):
    screen = repl().screen()
    assert re.search(r"^ccs \d+\.\d+\.\d+ · in-process emulator \(--local\) · account 123456789012 · "
                     r"region us-east-1 · :help for help, Ctrl-D to leave$", screen, re.MULTILINE), screen


def test_help_quit_and_exit_work_as_words(repl):
    term = repl()
    term.line("help")
    term.wait_for(r"^:schema TYPE")
    term.line("exit")
    assert term.wait_exit() == 0
    term = repl()
    term.line("let quit = 3")
    term.line("quit")
    term.wait_for(r"^3$")
    term.line("quit()")
    term.wait_for(r"attempt to call an int value")
    term.line("let x = 1")
    term.line("x")
    term.wait_for(r"^1$")


def test_requests_events_and_resources_take_one_line_and_all_shows_them_in_full(repl):
    term = repl()
    term.line('let req = create("AWS::Logs::LogGroup", {LogGroupName: "compact", RetentionInDays: 7})')
    term.line("req")
    term.wait_for(r"^request  CREATE  AWS::Logs::LogGroup  compact  (PENDING|IN_PROGRESS)  token \S+  \(:all\)$")
    term.line("wait(req)")
    term.wait_for(r"^event  CREATE  AWS::Logs::LogGroup  compact  SUCCESS  token \S+  \(:all\)$")
    term.line(":all")
    screen = term.wait_for(r'^  "OperationStatus": "SUCCESS",$')
    assert re.search(r'^  "ResourceModel": \{$', screen, re.MULTILINE), screen
    term.line('get("AWS::Logs::LogGroup", "compact")')
    term.wait_for(r'^AWS::Logs::LogGroup  compact  \{"LogGroupName":"compact","RetentionInDays":7,.*\(:all\)$')
    term.line(":all")
    term.wait_for(r'^  "RetentionInDays": 7,$')
    term.line("_.props.RetentionInDays")
    term.wait_for(r"^7$")
    term.line('wait_all([delete("AWS::Logs::LogGroup", "compact"), create("AWS::Logs::LogGroup", {LogGroupName: "c2"})])')
    term.wait_for(r"^\[0\] event  DELETE  AWS::Logs::LogGroup  compact  SUCCESS  token \S+\n"
                  r"\[1\] event  CREATE  AWS::Logs::LogGroup  c2  SUCCESS  token \S+\n"
                  r"2 items; _\[i\] shows one, :all shows them in full$")


def test_a_long_line_is_cut_to_the_terminal_width_keeping_the_hint(repl):
    term = repl()
    term.line('wait(create("AWS::Logs::LogGroup", {LogGroupName: "wide", '
              'Tags: [{Key: "k", Value: "' + "v" * 150 + '"}]}))')
    term.wait_prompt(2, timeout=30)
    term.line('get("AWS::Logs::LogGroup", "wide")')
    screen = term.wait_for(r"…  \(:all\)$")
    line = [l for l in screen.splitlines() if l.endswith("(:all)")][-1]
    assert len(line) < 120, line


def test_output_taller_than_the_terminal_goes_through_the_pager(repl, env, workdir):
    paged = workdir / "paged.txt"
    term = repl(environment=dict(env, PAGER=f"cat > {paged}"), height=40)
    term.line("[1, 2]")
    term.wait_for(r"^\]$")
    assert not paged.exists()
    term.line('schema("AWS::S3::Bucket")')
    term.wait_prompt(3)
    text = re.sub(r"\x1b\[[0-9;]*m", "", paged.read_text())  # colours go to the pager too (less -R)
    assert text.count("\n") > 1000 and '"typeName": "AWS::S3::Bucket"' in text


def test_less_pages_a_long_result_and_q_returns_to_the_prompt(repl):
    term = repl(height=40)
    term.line('schema("AWS::S3::Bucket")')
    screen = term.wait_for(r"^:\s*$")
    assert '"typeName"' in screen
    term.type("q")
    term.wait_prompt(2)
    term.line("1 + 1")
    term.wait_for(r"^2$")


def test_table_shows_lists_and_listings_of_resources_and_maps(repl):
    term = repl()
    make_groups(term, a="tbl-a", b="tbl-b")
    term.line('table(list("AWS::Logs::LogGroup"), ["id", "RetentionInDays"])')
    screen = term.wait_for(r"^tbl-b  7$")
    assert re.search(r"^id     RetentionInDays\n-----  ---------------\ntbl-a  7\n", screen, re.MULTILINE), screen
    term.line('table([{name: "x", n: 1}, {name: "long name", m: true}])')
    term.wait_for(r"^name       n  m\n---------  -  ----\nx          1\nlong name     true$")
    term.line("table([a, b])")
    term.wait_for(r"^type\s+id\s+LogGroupName\s+RetentionInDays\s+Arn")
    term.line("table(5)")
    term.wait_for(r"bad argument #1 to 'table' \(list or sequence expected, got int\)")
    term.line('import "table"')
    term.line('print(table.text(list("AWS::Logs::LogGroup") | take(2), ["id"]))')
    term.wait_for(r"^id\n-----\ntbl-a\ntbl-b$")


def test_wait_patch_refreshes_the_resource_and_refresh_reads_it_again(repl):
    term = repl()
    make_groups(term, g="fresh")
    term.line('let same = get("AWS::Logs::LogGroup", "fresh")')
    term.line("wait(patch(g, {RetentionInDays: 14}))")
    term.wait_for(r"^event  UPDATE")
    term.line("g.props.RetentionInDays")
    term.wait_for(r"^14$")
    term.line("same.props.RetentionInDays")
    term.wait_for(r"^7$")
    term.line("refresh(same).props.RetentionInDays")
    term.wait_for(r"^14$")
    term.line("refresh(1)")
    term.wait_for(r"bad argument #1 to 'refresh' \(resource expected, got int\)")


def test_inputs_are_numbered_in_error_locations(repl):
    term = repl()
    term.line("let x = 1")
    term.line("x +")
    term.line('  "s"')
    term.wait_for(r"^<repl:2>:1:3: error: ")
    term.line(":time nope")
    term.wait_for(r"^<repl:3>:1:1: error: undefined variable 'nope'")


def test_a_multi_line_input_is_one_history_entry_in_this_and_later_sessions(repl, workdir):
    term = repl()
    term.line("fn twice(n) {")
    term.line("  return n * 2")
    term.line("}")
    term.line("twice(4)")
    term.wait_for(r"^8$")
    term.key("Up")
    term.key("Up")
    term.wait_for(r"^ccs> fn twice\(n\) \{\n  return n \* 2\n\}$")
    term.key("C-c")
    history = (workdir / "state" / "ccs" / "history").read_text().splitlines()
    assert history[-2] == '#ccs-lines "fn twice(n) {\\n  return n * 2\\n}"', history
    term.line(":quit")
    term.wait_exit()
    later = repl()
    later.key("Up")  # :quit
    later.key("Up")  # twice(4)
    later.key("Up")
    later.wait_for(r"^ccs> fn twice\(n\) \{\n  return n \* 2\n\}$")
    later.key("Enter")
    later.line("twice(5)")
    later.wait_for(r"^10$")


def test_completes_identifiers_from_a_listing_of_the_type(repl):
    term = repl()
    make_groups(term, a="ident-alpha", b="ident-beta")
    term.type('get("AWS::Logs::LogGroup", "ident-')
    term.key("Tab")
    term.wait_for(r"^ident-alpha\s+ident-beta$")
    term.type("b")
    term.key("Tab")
    term.wait_for(r'ccs> get\("AWS::Logs::LogGroup", "ident-beta$')


def test_ctrl_l_clears_the_screen(repl):
    term = repl()
    term.line('"before the clear"')
    term.wait_for(r'^"before the clear"$')
    term.type("1 +")
    term.key("C-l")
    term.wait_for(r"\Accs> 1 \+$", visible=True)
    assert "before the clear" not in term.visible_screen()
    term.line(" 2")
    term.wait_for(r"^3$")


def test_types_filter_ignores_case_and_matches_anywhere(repl):
    term = repl()
    term.line(":types s3::b")
    screen = term.wait_for(r"^\d+ types?$")
    assert re.search(r"^AWS::S3::Bucket$", screen, re.MULTILINE), screen
    term.line(":types LOGGROUP")
    term.wait_for(r"^AWS::Logs::LogGroup$")


def test_a_map_at_statement_start_gets_a_hint(repl):
    term = repl()
    term.line("{a: 1}")
    term.wait_for(r"^hint: a statement starting with '\{' is a block; for a map write \(\{\.\.\.\}\) or let m = \{\.\.\.\}$")
    term.line("({a: 1})")
    term.wait_for(r'^  "a": 1$')


def test_help_covers_stdlib_modules_and_their_functions(repl):
    term = repl()
    term.line(":help tags")
    screen = term.wait_for(r"^functions \(:help tags\.NAME for one\):$")
    assert re.search(r"^tags — read, find, add and remove tags", screen, re.MULTILINE), screen
    assert re.search(r"^  of\(r\)\s+\S", screen, re.MULTILINE), screen
    term.line(":help tags.shape")
    term.wait_for(r'^tags\.shape\(type_name\)\n"list", "map", null when the type has no tags')
    term.line(":help")
    term.wait_for(r"^stdlib modules \(import \"NAME\"; :help NAME for one\):$")
    term.line(":help table")
    screen = term.wait_for(r"^the stdlib module 'table' \(import \"table\"\):$")
    assert re.search(r"^table\(xs \[, columns\]\) -> null \(REPL only\)$", screen, re.MULTILINE), screen


HOSTILE = "\\u{1b}[2J\\u{1b}[31mPWNED\\u{1b}]0;title\\u{7}"


def test_untrusted_text_in_values_and_errors_shows_escaped(repl):
    term = repl()
    term.line('wait(create("AWS::Logs::LogGroup", {LogGroupName: "hostile", '
              f'Tags: [{{Key: "k", Value: "{HOSTILE}"}}]}}))')
    term.wait_prompt(2, timeout=30)
    term.line('let h = get("AWS::Logs::LogGroup", "hostile")')
    term.line("h")
    term.wait_for(r'"Value":"\\u001b\[2J\\u001b\[31mPWNED')
    term.line(":all")
    term.wait_for(r'^      "Value": "\\u001b\[2J\\u001b\[31mPWNED\\u001b\]0;title\\u0007"$')
    term.line("h.props.Tags[0].Value")
    term.wait_for(r'^"\\u001b\[2J\\u001b\[31mPWNED\\u001b\]0;title\\u0007"$')
    term.line(f'table(h.props.Tags)')
    term.wait_for(r"^k    \\x1b\[2J\\x1b\[31mPWNED\\x1b\]0;title\\x07$")
    term.line(f'throw "{HOSTILE}"')
    term.wait_for(r"\\x1b\[2J\\x1b\[31mPWNED\\x1b\]0;title\\x07")
    raw = coloured_screen(term)
    assert "\x1b[31mPWNED" not in raw and "\x1b]0;" not in raw and "\x07" not in raw
    title = subprocess.run(["tmux", "display", "-p", "-t", term.name, "#{pane_title}"],
                           capture_output=True, text=True, check=True).stdout.strip()
    assert title != "title"


def test_completes_property_names_in_maps_nested_in_a_create_or_patch(repl):
    term = repl()
    term.type('create("AWS::Logs::LogGroup", {Tags: [{K')
    term.key("Tab")
    term.wait_for(r'ccs> create\("AWS::Logs::LogGroup", \{Tags: \[\{Key$')
    term.key("C-c")
    term.type('patch("AWS::Logs::LogGroup", "g", {Ret')
    term.key("Tab")
    term.wait_for(r'ccs> patch\("AWS::Logs::LogGroup", "g", \{RetentionInDays$')


def test_a_pager_that_cannot_run_leaves_the_output_on_the_terminal(repl, env):
    term = repl(environment=dict(env, PAGER="no-such-pager-ccs"), height=12)
    term.line("range(40)")
    screen = term.wait_for(r"^  19$")
    assert "no-such-pager-ccs" in screen  # the shell says what it could not find
    term.wait_prompt(2)
