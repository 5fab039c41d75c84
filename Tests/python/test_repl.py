"""The REPL as a person uses it: typed at a pseudo-terminal (tmux), read off the screen.
Runs against the in-process emulator (`--local=<tmp>`) and against `ccs serve` over HTTP."""

import os
import re
import stat
import subprocess
import time

import pytest

from repl_terminal import Terminal, ccs_binary, hermetic_env

ESC = "\x1b["


@pytest.fixture
def workdir(tmp_path):
    (tmp_path / "state").mkdir()
    return tmp_path


@pytest.fixture
def env(workdir):
    return hermetic_env(workdir / "state")


@pytest.fixture
def local_repl(workdir, env):
    terminals = []

    def start(*extra, environment=None):
        term = Terminal([f"--local={workdir / 'local.sqlite'}", *extra], environment or env, workdir)
        terminals.append(term)
        term.wait_prompt(1)
        return term

    yield start
    for term in terminals:
        term.close()


def start_server(workdir, env, latency_ms):
    """`ccs serve` on a free loopback port; returns the process and its URL."""
    process = subprocess.Popen(
        [ccs_binary(), "serve", "--port", "0", "--db", str(workdir / f"served-{latency_ms}.sqlite"),
         "--latency", str(latency_ms)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    line = process.stdout.readline()
    match = re.search(r"listening on (http://\S+)", line)
    if not match:
        process.kill()
        raise AssertionError(f"ccs serve did not start: {line!r} {process.stderr.read()}")
    return process, match.group(1)


@pytest.fixture
def served_repl(workdir, env):
    """Starts `ccs serve` with the given phase latency and a REPL against it over HTTP."""
    processes = []
    terminals = []
    # `ccs serve` always accepts requests signed with the key test/test.
    served_env = dict(env, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test")

    def start(latency_ms):
        process, url = start_server(workdir, env, latency_ms)
        processes.append(process)
        term = Terminal(["--endpoint-url", url], served_env, workdir)
        terminals.append(term)
        term.wait_prompt(1)
        return term, url

    yield start
    for term in terminals:
        term.close()
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


def test_multiline_entry_keeps_state_between_inputs(local_repl):
    term = local_repl()
    term.line("let team = {")
    term.wait_for(r"^\.\.\.\s*$")
    term.line('  name: "core",')
    term.line("  members: [1,")
    term.line("    2, 3]")
    term.line("}")
    term.line("fn size(t) {")
    term.line("  return count(t.members) +")
    term.line("    0")
    term.line("}")
    term.line("size(team)")
    screen = term.wait_for(r"^3$")
    assert screen.count("...  ") >= 6, screen
    term.line('"members: ${join(team.members,')
    term.line('  ", ")}"')
    term.wait_for(r'^"members: 1, 2, 3"$')
    term.line('"unclosed')
    term.wait_for(r"unfinished string")


def test_blank_line_and_ctrl_c_abandon_an_unfinished_input(local_repl):
    term = local_repl()
    term.line("let a = [1,")
    term.line("")
    term.wait_prompt(2)
    term.line("let b = {x:")
    term.wait_for(r"^\.\.\.\s*$")
    time.sleep(0.3)
    term.key("C-c")
    term.wait_prompt(3)
    term.line("1 + 1")
    screen = term.wait_for(r"^2$")
    assert "error" not in screen, screen
    term.line("a")
    term.wait_for(r"undefined variable 'a'")


def test_errors_print_with_caret_and_never_end_the_session(local_repl):
    term = local_repl()
    term.line("let x = 10")
    term.line('x + "s"')
    screen = term.wait_for(r"\^")
    assert re.search(r"<repl:2>:1:\d+: error: ", screen), screen
    term.line("x * 2")
    term.wait_for(r"^20$")


def test_completes_keywords_builtins_and_variables(local_repl):
    term = local_repl()
    term.line("let my_long_variable = 5")
    term.type("my_lo")
    term.key("Tab")
    term.wait_for(r"ccs> my_long_variable$")
    term.key("Enter")
    term.wait_for(r"^5$")
    term.type("upp")
    term.key("Tab")
    term.wait_for(r"ccs> upper$")


def test_completes_a_resource_type_name_one_segment_at_a_time(local_repl):
    term = local_repl()
    term.type('list("AWS::Log')
    term.key("Tab")
    term.wait_for(r'ccs> list\("AWS::Logs::$')
    term.type("LogG")
    term.key("Tab")
    term.wait_for(r'ccs> list\("AWS::Logs::LogGroup$')


def test_completes_property_names_from_the_schema_in_a_create_map(local_repl):
    term = local_repl()
    term.type('create("AWS::Logs::LogGroup", {LogGroup')
    term.key("Tab")
    term.wait_for(r"^LogGroupClass\s+LogGroupName$")
    term.type("N")
    term.key("Tab")
    term.wait_for(r'\{LogGroupName$')
    term.type(': "x", Ret')
    term.key("Tab")
    term.wait_for(r'LogGroupName: "x", RetentionInDays')


def test_completes_map_fields_of_a_value_in_scope(local_repl):
    term = local_repl()
    term.line('let g = get("AWS::Logs::LogGroup", wait(create("AWS::Logs::LogGroup", '
              '{LogGroupName: "repl-fields", RetentionInDays: 7})).Identifier)')
    term.wait_prompt(2, timeout=30)
    term.type("g.props.Ret")
    term.key("Tab")
    term.wait_for(r"ccs> g\.props\.RetentionInDays$")
    term.key("Enter")
    term.wait_for(r"^7$")
    term.line("g")
    term.wait_for(r'^AWS::Logs::LogGroup  repl-fields  \{"LogGroupName":"repl-fields","RetentionInDays":7,.*\(:all\)$')


def test_history_is_shared_across_sessions_in_a_private_file(local_repl, workdir):
    first = local_repl()
    first.line("let remembered = 41 + 1")
    first.line(" let hidden = 7")
    first.line(":quit")
    assert first.wait_exit() == 0
    path = workdir / "state" / "ccs" / "history"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    lines = path.read_text().splitlines()
    assert "let remembered = 41 + 1" in lines
    assert not any("hidden" in line for line in lines)

    second = local_repl()
    second.key("Up")
    second.wait_for(r"ccs> :quit$")
    second.key("Up")
    second.wait_for(r"ccs> let remembered = 41 \+ 1$")
    second.key("Enter")
    second.line("remembered")
    second.wait_for(r"^42$")


def test_save_writes_a_script_that_runs(local_repl, workdir, env):
    term = local_repl()
    term.line("fn greet(name) {")
    term.line('  return "hello ${name}"')
    term.line("}")
    term.line("let names = [\"a\", \"b\"]")
    term.line("undefined_call()")
    term.line("print(greet(names[1]))")
    term.wait_for(r"^hello b$")
    term.line("names")
    term.line("_[0]")
    term.wait_for(r'^"a"$')
    script = workdir / "session.ccs"
    term.line(f":save {script}")
    term.wait_for(r"saved 4 inputs .* \(1 using _ left out\)")
    text = script.read_text()
    assert "undefined_call" not in text and "_[0]" not in text
    result = subprocess.run([ccs_binary(), f"--local={workdir / 'local.sqlite'}", str(script)],
                            capture_output=True, text=True, env=env, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "hello b\n"


def test_ctrl_c_stops_a_busy_loop_and_keeps_state(local_repl):
    term = local_repl()
    term.line("let n = 0")
    term.line("while true { n += 1 }")
    time.sleep(0.5)
    term.key("C-c")
    term.wait_for(r"^\^?C?interrupted$")
    term.line("n > 0")
    term.wait_for(r"^true$")


def test_ctrl_c_interrupts_a_wait_on_ccs_serve(served_repl):
    term, _ = served_repl(30000)  # each request phase lasts 30 s
    term.line('let req = create("AWS::Logs::LogGroup", {LogGroupName: "slow-group"})')
    term.wait_prompt(2, timeout=30)
    term.line("wait(req)")
    time.sleep(1.0)
    assert term.prompts() == 2, term.screen()
    started = time.monotonic()
    term.key("C-c")
    term.wait_for(r"interrupted", timeout=5)
    term.wait_prompt(3, timeout=5)
    assert time.monotonic() - started < 5
    term.line("req.status")
    term.wait_for(r'^"(PENDING|IN_PROGRESS)"$')


def test_exploring_ccs_serve_over_http(served_repl):
    term, url = served_repl(50)
    term.type('list("AWS::Log')
    term.key("Tab")
    term.wait_for(r'ccs> list\("AWS::Logs::$')
    term.key("C-c")
    term.type('let g = get("AWS::Logs::LogGroup", wait(create("AWS::Logs::LogGroup", {LogGroupName: "served", Ret')
    term.key("Tab")
    term.wait_for(r"\{LogGroupName: \"served\", RetentionInDays$")
    term.line(": 14})).Identifier)")
    term.wait_prompt(3, timeout=30)
    term.type("g.props.Ret")
    term.key("Tab")
    term.wait_for(r"ccs> g\.props\.RetentionInDays$")
    term.key("Enter")
    term.wait_for(r"^14$")
    term.line('list("AWS::Logs::LogGroup")')
    term.wait_for(r"^\[0\] AWS::Logs::LogGroup  served$")
    term.line(":env")
    screen = term.wait_for(r"^credentials")
    assert re.search(r"^endpoint\s+" + re.escape(url) + r" \(--endpoint-url\)$", screen, re.MULTILINE), screen


def test_meta_commands(local_repl):
    term = local_repl()
    term.line(":help")
    term.wait_for(r":schema TYPE")
    term.line(":help upper")
    term.wait_for(r"^upper\(")
    term.line(":types AWS::Logs::")
    term.wait_for(r"^AWS::Logs::LogGroup$")
    term.line(":schema AWS::Logs::LogGroup")
    screen = term.wait_for(r"Arn.*read-only")
    assert re.search(r"LogGroupName.*create-only", screen), screen
    term.line(":time 6 * 7")
    term.wait_for(r"^time: \d+\.\d+ ms$")
    term.line(":env")
    screen = term.wait_for(r"^credentials")
    assert "wJalrXUtnFEMI" not in screen
    assert re.search(r"^backend\s+in-process emulator", screen, re.MULTILINE), screen
    term.line("let big = []")
    term.line("for i in range(100) { push(big, i) }")
    term.line("big")
    term.wait_for(r"\.\.\. 80 more \(100 items; :all shows everything\)")
    term.line(":all")
    term.wait_for(r"^  99$")
    term.line(":nope")
    term.wait_for(r"unknown command ':nope'")


def test_results_are_coloured_unless_no_color(local_repl, env):
    term = local_repl()
    term.line('let m = {name: "x"}')
    term.line("m")
    term.wait_for(r'"name": "x"')
    coloured = subprocess.run(["tmux", "capture-pane", "-e", "-p", "-t", term.name],
                              capture_output=True, text=True, check=True).stdout
    assert ESC + "34m" in coloured
    plain_env = dict(env, NO_COLOR="1")
    plain = local_repl(environment=plain_env)
    plain.line('let m = {name: "x"}')
    plain.line("m")
    plain.wait_for(r'"name": "x"')
    screen = subprocess.run(["tmux", "capture-pane", "-e", "-p", "-t", plain.name],
                            capture_output=True, text=True, check=True).stdout
    assert ESC + "34m" not in screen


def test_ctrl_d_on_an_empty_line_exits(local_repl):
    term = local_repl()
    term.key("C-d")
    assert term.wait_exit() == 0


def test_piped_stdin_runs_as_a_script_without_prompt_or_colour(workdir, env):
    result = subprocess.run([ccs_binary(), f"--local={workdir / 'local.sqlite'}"],
                            input='let x = [1, 2]\nprint(x)\nprint({a: 1})\n',
                            capture_output=True, text=True, env=env, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout == '[1,2]\n{"a":1}\n'
    assert "ccs>" not in result.stdout and ESC not in result.stdout
