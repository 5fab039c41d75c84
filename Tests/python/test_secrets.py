"""No credential leaks: ccs runs with a recognisable secret key and session token, taken from
environment variables, a shared credentials file and a credential_process, through
`ccs api --debug`, a script run with --debug (ending in an uncaught error), a call refused
for a wrong signature by `ccs serve --credentials`, and the REPL (whose history file is
kept). Every output, --debug trace, error message, server log and history file is then
searched for the secrets: none may appear, whole or as a recognisable fragment."""

import json
import os
import stat
import subprocess

import pytest

from emulator_support import CCS_BIN, Emulator, client_environment, isolated_aws_environment  # noqa: F401

ACCESS_KEY = "AKIDCCSLEAKTEST00001"
SECRET = "ccsSECRETkey/Zq7vW2xR9pL4mN8bT6yH+3jK5fD1gS0aC"
TOKEN = "ccsSESSIONtoken" + "Qw3Er5Ty7Ui9Op" * 12 + "=="
WRONG_SECRET = "ccsWRONGsecret/Mn4Bv6Cx8Zl1Kj3Hg5Fd7Sa9Po2Iu"
# Fragments that would betray a partial leak (a secret cut or wrapped in a trace).
MARKERS = ["SECRETkey", "Zq7vW2xR9pL4", "SESSIONtoken", "Qw3Er5Ty7Ui9Op", "WRONGsecret", "Mn4Bv6Cx8Zl1"]


def assert_no_secret(where, text):
    for marker in MARKERS:
        assert marker not in text, f"{where} shows {marker!r}:\n{text[:2000]}"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    emulator = Emulator(tmp_path_factory.mktemp("secrets"), "--latency", "0",
                        "--credentials", f"{ACCESS_KEY}:{SECRET}").start()
    yield emulator
    status, rest, stderr = emulator.stop()
    assert status == 0, stderr
    assert_no_secret("ccs serve's stdout", "".join(emulator.stdout_lines) + rest)
    assert_no_secret("ccs serve's stderr", stderr)


def environment(**extra):
    env = client_environment()
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        env.pop(name, None)
    env.update(extra)
    return env


def ccs(server, env, *arguments, stdin=None):
    result = subprocess.run([CCS_BIN, "--debug", "--endpoint-url", server.url, *arguments],
                            capture_output=True, text=True, env=env, input=stdin, timeout=120)
    return result


def checked(where, result, expected_status=0):
    assert_no_secret(f"{where} stdout", result.stdout)
    assert_no_secret(f"{where} stderr", result.stderr)
    assert result.returncode == expected_status, f"{where}: {result.returncode}\n{result.stderr[-3000:]}"
    return result


def test_env_credentials_through_api_debug(server):
    env = environment(AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET, AWS_SESSION_TOKEN=TOKEN)
    result = checked("api --debug (env)", ccs(server, env, "api", "CreateResource", json.dumps(
        {"TypeName": "AWS::Logs::LogGroup", "DesiredState": json.dumps({"LogGroupName": "secret-env"})})))
    # The trace is really there, with the signed headers, and redacted.
    assert "Authorization" in result.stderr or "authorization" in result.stderr
    assert "<redacted>" in result.stderr
    assert ACCESS_KEY in result.stderr


def test_credentials_file_and_error_answers(server, tmp_path):
    credentials = tmp_path / "credentials"
    credentials.write_text(f"[default]\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = {SECRET}\n"
                           f"aws_session_token = {TOKEN}\n")
    env = environment(AWS_SHARED_CREDENTIALS_FILE=str(credentials))
    checked("api --debug (file)", ccs(server, env, "api", "ListResources", '{"TypeName": "AWS::Logs::LogGroup"}'))
    missing = checked("api --debug (service error)", ccs(
        server, env, "api", "GetResource", '{"TypeName": "AWS::Logs::LogGroup", "Identifier": "absent"}'),
        expected_status=254)
    assert "ResourceNotFoundException" in missing.stderr


def test_credential_process(server, tmp_path):
    helper = tmp_path / "credential-helper.sh"
    helper.write_text("#!/bin/sh\ncat <<'JSON'\n" + json.dumps(
        {"Version": 1, "AccessKeyId": ACCESS_KEY, "SecretAccessKey": SECRET, "SessionToken": TOKEN}) + "\nJSON\n")
    helper.chmod(helper.stat().st_mode | stat.S_IXUSR)
    config = tmp_path / "config"
    config.write_text(f"[default]\nregion = us-east-1\ncredential_process = {helper}\n")
    env = environment(AWS_CONFIG_FILE=str(config))
    checked("api --debug (credential_process)",
            ccs(server, env, "api", "ListResources", '{"TypeName": "AWS::SNS::Topic"}'))


def test_wrong_signature_error(server):
    env = environment(AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=WRONG_SECRET, AWS_SESSION_TOKEN=TOKEN)
    refused = checked("api --debug (wrong signature)", ccs(
        server, env, "api", "ListResources", '{"TypeName": "AWS::Logs::LogGroup"}'), expected_status=254)
    assert "InvalidSignatureException" in refused.stderr


def test_script_run_with_debug_and_an_uncaught_error(server, tmp_path):
    script = tmp_path / "uses-credentials.ccs"
    script.write_text("""
let ev = wait(create("AWS::Logs::LogGroup", {LogGroupName: "secret-script"}))
print(get("AWS::Logs::LogGroup", ev.Identifier).id)
try { get("AWS::Logs::LogGroup", "nope") } catch e { print(e.code, e.message) }
get("AWS::SQS::Queue", "https://sqs.us-east-1.amazonaws.com/123456789012/absent")
""")
    env = environment(AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET, AWS_SESSION_TOKEN=TOKEN)
    result = checked("script --debug", ccs(server, env, str(script)), expected_status=1)
    assert result.stdout.startswith("secret-script\nResourceNotFoundException")
    assert "stack traceback" in result.stderr
    wrong = environment(AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=WRONG_SECRET)
    refused = checked("script --debug (wrong signature)", ccs(server, wrong, str(script)), expected_status=1)
    assert "InvalidSignatureException" in refused.stderr


def test_repl_screen_and_history_file(server, tmp_path):
    from repl_terminal import Terminal, hermetic_env
    state = tmp_path / "state"
    state.mkdir()
    env = hermetic_env(state)
    env.update(AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET, AWS_SESSION_TOKEN=TOKEN)
    term = Terminal(["--debug", "--endpoint-url", server.url], env, tmp_path)
    try:
        term.wait_prompt(1)
        term.line('wait(create("AWS::Logs::LogGroup", {LogGroupName: "secret-repl"})).OperationStatus')
        term.wait_for("SUCCESS", timeout=30)
        term.line('get("AWS::Logs::LogGroup", "missing-one")')
        term.wait_for("ResourceNotFoundException", timeout=30)
        term.wait_prompt(3)
        assert_no_secret("the REPL's screen", term.screen())
        term.key("C-d")
        term.wait_exit()
    finally:
        term.close()
    history = state / "ccs" / "history"
    assert history.exists(), "the REPL wrote no history file"
    text = history.read_text()
    assert "secret-repl" in text
    assert_no_secret("the REPL history file", text)
    for path in tmp_path.rglob("*"):
        # The tmux harness writes its launcher (with the environment) as a .sh file.
        if path.is_file() and path.suffix != ".sh":
            assert_no_secret(str(path), path.read_text(errors="replace"))
