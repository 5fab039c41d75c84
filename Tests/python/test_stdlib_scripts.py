"""End-to-end tests of the stdlib modules (stdlib/*.ccs) and the automation scripts
(scripts/*.ccs), run through the built `ccs` binary against the emulator: in-process
(`--local=<tmp db>`) and over HTTP (`ccs serve` on a loopback port, `--endpoint-url`).

Module tests are .ccs files in Tests/stdlib that assert as they go (Tests/stdlib/check.ccs)
and print "<module>: ok" at the end. Script tests run each script as a user would and check
the outcome independently of ccs's built-ins: with boto3 against `ccs serve`, and with
`ccs api` against the local database.
"""

import csv
import io
import json
import os
import subprocess
import uuid
from pathlib import Path

import pytest

from emulator_support import CCS_BIN, REPO, Emulator, client_environment

MODULE_TESTS = REPO / "Tests" / "stdlib"
SCRIPTS = REPO / "scripts"


def environment():
    """The isolated AWS environment of the emulator suites (no profile, no instance metadata,
    the credentials `ccs serve` accepts), with the repository's stdlib on the search path."""
    env = client_environment()
    env["CCS_STDLIB_PATH"] = str(REPO / "stdlib")
    return env


class Backend:
    """Where scripts run (`ccs --local=DB` or `ccs --endpoint-url URL`), and an independent
    view of the same service to check what they did."""

    def __init__(self, kind, directory, *server_options):
        self.kind = kind
        self.directory = Path(directory)
        self.server = None
        # Added to the environment of every ccs run.
        self.extra_env = {}
        if kind == "local":
            self.db = self.directory / "local.sqlite"
            self.options = [f"--local={self.db}"]
        else:
            self.server = Emulator(self.directory / "serve", "--latency", "50", *server_options).start()
            self.options = ["--endpoint-url", self.server.url]
            self.boto = self.server.client()

    def close(self):
        if self.server:
            self.server.stop()

    def ccs(self, *arguments, cwd=None, extra_env=None):
        env = environment()
        env.update(self.extra_env)
        env.update(extra_env or {})
        return subprocess.run([CCS_BIN, *self.options, *arguments], capture_output=True, text=True,
                              env=env, cwd=cwd or self.directory, timeout=300)

    def script(self, path, *arguments):
        return self.ccs(str(path), *arguments)

    # -- independent checks: boto3 over HTTP, `ccs api` on the local database --------------

    def api(self, operation, payload):
        if self.kind == "serve":
            method = {"GetResource": self.boto.get_resource, "ListResources": self.boto.list_resources,
                      "CreateResource": self.boto.create_resource}[operation]
            response = method(**payload)
            response.pop("ResponseMetadata", None)
            return response
        result = self.ccs("api", operation, json.dumps(payload))
        assert result.returncode == 0, f"ccs api {operation} failed: {result.stderr}"
        return json.loads(result.stdout)

    def resources(self, type_name, model=None):
        """{identifier: properties} of every resource of the type, via ListResources."""
        found = {}
        token = None
        while True:
            payload = {"TypeName": type_name}
            if model is not None:
                payload["ResourceModel"] = json.dumps(model)
            if token:
                payload["NextToken"] = token
            page = self.api("ListResources", payload)
            for d in page.get("ResourceDescriptions", []):
                found[d["Identifier"]] = json.loads(d["Properties"])
            token = page.get("NextToken")
            if not token:
                return found

    def properties(self, type_name, identifier):
        out = self.api("GetResource", {"TypeName": type_name, "Identifier": identifier})
        return json.loads(out["ResourceDescription"]["Properties"])

    def seed(self, code):
        """Creates fixtures with a small ccs program (the built-ins only, no stdlib)."""
        path = self.directory / f"seed-{uuid.uuid4().hex}.ccs"
        path.write_text(code)
        result = self.script(path)
        assert result.returncode == 0, f"seeding failed: {result.stdout}{result.stderr}"


@pytest.fixture(params=["local", "serve"])
def backend(request, tmp_path):
    b = Backend(request.param, tmp_path)
    yield b
    b.close()


@pytest.fixture
def local(tmp_path):
    b = Backend("local", tmp_path)
    yield b
    b.close()


def tag_map(props):
    tags = props.get("Tags")
    if isinstance(tags, dict):
        return tags
    return {t["Key"]: t["Value"] for t in tags or []}


# -- stdlib modules -------------------------------------------------------------------------

PURE_MODULES = ["cli", "table", "time"]
CLOUD_MODULES = ["resources", "tags", "inventory", "ensure", "cleanup", "waiting", "fanout"]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module(module, local):
    result = local.script(MODULE_TESTS / f"test_{module}.ccs")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[-1] == f"{module}: ok"


@pytest.mark.parametrize("module", CLOUD_MODULES)
def test_cloud_module(module, backend):
    result = backend.script(MODULE_TESTS / f"test_{module}.ccs")
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    assert result.stdout.splitlines()[-1] == f"{module}: ok"
    if module == "waiting":
        assert "retention: UPDATE" in result.stdout and "retention: UPDATE SUCCESS" in result.stdout


def test_module_failure_is_reported(local):
    """The .ccs tests can fail: a broken expectation exits 1 and names what was checked."""
    path = local.directory / "broken.ccs"
    path.write_text('import "check"\nimport "table"\ncheck.eq(table.pad("a", 3), "a", "pad width")\n')
    (local.directory / "check.ccs").write_text((MODULE_TESTS / "check.ccs").read_text())
    result = local.script(path)
    assert result.returncode == 1
    assert 'pad width: expected "a", got "a  "' in result.stderr


def test_waiting_retry_rides_out_not_found_after_create(tmp_path):
    """GetResource may answer NotFound just after a create succeeds. `get` rides it out by
    itself for a resource its own session created; for one created elsewhere (here by an
    earlier ccs process) it fails at once, and waiting.retry waits it out. The server hides
    every new resource for 4 s."""
    backend = Backend("serve", tmp_path, "--faults", "notfound-after-create=1,notfound-window=4")
    try:
        elsewhere = tmp_path / "elsewhere.ccs"
        elsewhere.write_text('wait(create("AWS::Logs::LogGroup", {LogGroupName: "other"}))\n')
        made = backend.script(elsewhere)
        assert (made.returncode, made.stderr) == (0, "")
        path = tmp_path / "fresh.ccs"
        path.write_text('import "waiting"\n'
                        'let T = "AWS::Logs::LogGroup"\n'
                        'let first_try = "found"\n'
                        'try { get(T, "other") } catch e { first_try = e.code }\n'
                        'let tries = 0\n'
                        'let g = waiting.retry(fn() { tries += 1; return get(T, "other") },\n'
                        '                      {codes: ["ResourceNotFoundException"], delay: 0.25, max_delay: 0.5, attempts: 40})\n'
                        'print(first_try, g.id, tries > 1)\n'
                        'wait(create(T, {LogGroupName: "fresh"}))\n'
                        'print(get(T, "fresh").id)\n')
        result = backend.script(path)
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout.splitlines() == ["ResourceNotFoundException other true", "fresh"]
    finally:
        backend.close()


CUSTOM_TYPES_SCRIPT = '''import "check"
import "resources"
import "tags"
check.eq([tags.shape("Test::Custom::Widget"), resources.info("Test::Custom::Widget").known], ["auto", false], "no schema")
wait_all([create("Test::Custom::Widget", {Name: "w1", Size: 3, Tags: [{Key: "a", Value: "1"}]}),
          create("Test::Custom::Gadget", {GadgetName: "g1", Tags: {a: "1"}}),
          create("Test::Custom::Widget", {Name: "w2"})])
check.eq(tags.of(get("Test::Custom::Widget", "w1")), {a: "1"}, "tags of a list")
wait_all([tags.add(get("Test::Custom::Widget", "w1"), {b: "2"}), tags.add(get("Test::Custom::Gadget", "g1"), {b: "2"}),
          tags.add(get("Test::Custom::Widget", "w2"), {c: "3"})])
print("ok")
'''


def test_types_without_a_shipped_schema(tmp_path):
    """A type whose schema ccs cannot get (CloudFormation's DescribeType does not know it, or
    is not allowed). Served from extra schema files (Tests/stdlib/schemas) to Cloud Control
    only, while DescribeType goes to a second emulator without them, two such types still get
    tags in their own shape (read from each resource), inventory rows and copies."""
    backend = Backend("serve", tmp_path, "--schemas", str(MODULE_TESTS / "schemas"))
    registry = Emulator(tmp_path / "registry", "--latency", "0").start()
    backend.options = []
    backend.extra_env = {"AWS_ENDPOINT_URL_CLOUDCONTROL": backend.server.url,
                         "AWS_ENDPOINT_URL_CLOUDFORMATION": registry.url, "CCS_NO_SCHEMA_CACHE": "1"}
    try:
        path = tmp_path / "custom.ccs"
        path.write_text(CUSTOM_TYPES_SCRIPT)
        (tmp_path / "check.ccs").write_text((MODULE_TESTS / "check.ccs").read_text())
        result = backend.script(path)
        assert (result.returncode, result.stdout, result.stderr) == (0, "ok\n", "")
        assert backend.properties("Test::Custom::Widget", "w1")["Tags"] == [{"Key": "a", "Value": "1"},
                                                                            {"Key": "b", "Value": "2"}]
        assert backend.properties("Test::Custom::Gadget", "g1")["Tags"] == {"a": "1", "b": "2"}
        assert backend.properties("Test::Custom::Widget", "w2")["Tags"] == [{"Key": "c", "Value": "3"}]

        report = backend.script(SCRIPTS / "inventory-report.ccs", "Test::Custom::Widget", "Test::Custom::Gadget")
        assert (report.returncode, report.stderr) == (0, "")
        assert report.stdout.splitlines()[2:] == ["Test::Custom::Gadget  g1  g1    a=1 b=2",
                                                  "Test::Custom::Widget  w1  w1    a=1 b=2",
                                                  "Test::Custom::Widget  w2  w2    c=3"]

        copy = backend.script(SCRIPTS / "copy-resource.ccs", "Test::Custom::Widget", "w1", "w3",
                              "--name-property", "Name", "--drop", "Arn", "--set", "Size=9")
        assert (copy.returncode, copy.stderr) == (0, ""), copy.stdout
        w3 = backend.properties("Test::Custom::Widget", "w3")
        assert (w3["Name"], w3["Size"], tag_map(w3)) == ("w3", 9, {"a": "1", "b": "2"})
        no_name = backend.script(SCRIPTS / "copy-resource.ccs", "Test::Custom::Widget", "w1", "w4")
        assert no_name.returncode == 1
        assert "use --name-property" in no_name.stderr and no_name.stdout == ""
    finally:
        registry.stop()
        backend.close()


def test_tags_module_checked_with_the_api(backend):
    """tags.add / tags.remove as the service stores them, read without ccs's built-ins."""
    backend.seed('wait(create("AWS::SSM::Parameter", {Name: "p", Type: "String", Value: "v", Tags: {a: "1"}}))\n'
                 'wait(create("AWS::Logs::LogGroup", {LogGroupName: "g", Tags: [{Key: "a", Value: "1"}]}))\n')
    path = backend.directory / "retag.ccs"
    path.write_text('import "tags"\n'
                    'wait_all([tags.add(get("AWS::SSM::Parameter", "p"), {b: "2"}),\n'
                    '          tags.add(get("AWS::Logs::LogGroup", "g"), {b: "2"})])\n'
                    'wait(tags.remove(get("AWS::Logs::LogGroup", "g"), ["a"]))\n')
    result = backend.script(path)
    assert (result.returncode, result.stderr) == (0, "")
    assert backend.properties("AWS::SSM::Parameter", "p")["Tags"] == {"a": "1", "b": "2"}
    assert backend.properties("AWS::Logs::LogGroup", "g")["Tags"] == [{"Key": "b", "Value": "2"}]


# -- scripts: usage -------------------------------------------------------------------------

SCRIPT_NAMES = ["inventory-report.ccs", "tag-sweep.ccs", "cleanup-test-resources.ccs", "copy-resource.ccs", "apply.ccs",
                "org-inventory.ccs"]


@pytest.mark.parametrize("name", SCRIPT_NAMES)
def test_script_help(name, local):
    result = local.script(SCRIPTS / name, "--help")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith(f"usage: ccs scripts/{name} [options]")
    assert "exit status: 0 success, 1 failure, 2 usage error" in result.stdout
    assert "examples:" in result.stdout


@pytest.mark.parametrize("name, arguments, message", [
    ("inventory-report.ccs", [], "name at least one TYPE, or use --prefix or --all"),
    ("org-inventory.ccs", ["AWS::SQS::Queue"], "name the accounts with --accounts, or use --org"),
    ("org-inventory.ccs", ["--accounts", "111111111111", "AWS::SQS::Queue"],
     "--role is needed to reach accounts other than 'current'"),
    ("inventory-report.ccs", ["--format", "xml", "AWS::SQS::Queue"], "option '--format': 'xml' is not one of table, json, jsonl, csv"),
    ("inventory-report.ccs", ["Nope"], "'Nope' is not a resource type name (like AWS::SQS::Queue)"),
    ("copy-resource.ccs", ["AWS::Logs:LogGroup", "a", "b"], "'AWS::Logs:LogGroup' is not a resource type name (like AWS::SQS::Queue)"),
    ("tag-sweep.ccs", ["--all"], "nothing to do: give --require KEY=DEFAULT and/or --remove KEY"),
    ("tag-sweep.ccs", ["--require", "owner", "--all"], "--require: expected KEY=VALUE, got 'owner'"),
    ("tag-sweep.ccs", ["--require", "a=b", "AWS::Logs::LogStream"], "AWS::Logs::LogStream has no tags"),
    ("tag-sweep.ccs", ["--require", "a=b", "--batch", "0", "--all"], "--batch must be a positive number, got '0'"),
    ("cleanup-test-resources.ccs", ["--prefix", "t-", "--batch", "many", "--all"],
     "--batch must be a positive number, got 'many'"),
    ("cleanup-test-resources.ccs", ["--all"], "give --prefix and/or --tag: refusing to select resources by age alone"),
    ("cleanup-test-resources.ccs", ["--prefix", "t-", "--older-than", "soon", "--all"],
     "--older-than: duration 'soon' not understood (use e.g. 45s, 90m, 12h, 7d, 1d12h)"),
    ("copy-resource.ccs", ["AWS::Logs::LogGroup", "a"], "missing TYPE SOURCE_ID NEW_NAME (expected at least 3, got 2)"),
    ("copy-resource.ccs", ["--bogus"], "unknown option '--bogus'"),
    ("apply.ccs", [], "missing FILE (expected at least 1, got 0)"),
    ("apply.ccs", ["a.json", "b.json"], "unexpected argument 'b.json' (expected at most 1 FILE argument(s))"),
])
def test_script_usage_errors(name, arguments, message, local):
    result = local.script(SCRIPTS / name, *arguments)
    assert result.returncode == 2, result.stdout + result.stderr
    # Diagnostics go to stderr (cli.report uses eprint); stdout stays empty.
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"scripts/{name}: {message}",
                                          f"Try 'ccs scripts/{name} --help' for more information."]


# -- scripts: real runs ---------------------------------------------------------------------

SEED_INVENTORY = '''
wait_all([
  create("AWS::SQS::Queue", {QueueName: "inv-jobs", Tags: [{Key: "env", Value: "dev"}]}),
  create("AWS::Logs::LogGroup", {LogGroupName: "inv-app", RetentionInDays: 7, Tags: [{Key: "env", Value: "prod"}]}),
  create("AWS::Logs::LogGroup", {LogGroupName: "inv-web", Tags: [{Key: "note", Value: "a, \\"b\\""}]}),
  create("AWS::SSM::Parameter", {Name: "inv-param", Type: "String", Value: "v", Tags: {env: "dev"}}),
])
'''


def test_inventory_json_and_csv(backend):
    backend.seed(SEED_INVENTORY)
    types = ["AWS::SQS::Queue", "AWS::Logs::LogGroup", "AWS::SSM::Parameter"]
    result = backend.script(SCRIPTS / "inventory-report.ccs", "--format", "json", "--props", "RetentionInDays", *types)
    assert (result.returncode, result.stderr) == (0, "")
    report = json.loads(result.stdout)
    assert report["errors"] == []
    expected = set()
    for t in types:
        for identifier, props in backend.resources(t).items():
            expected.add((t, identifier, json.dumps(tag_map(props), sort_keys=True), props.get("RetentionInDays")))
    got = {(r["type"], r["id"], json.dumps(r["tags"], sort_keys=True), r["RetentionInDays"]) for r in report["resources"]}
    assert got == expected and len(got) == 4
    names = {r["id"]: r["name"] for r in report["resources"]}
    assert names["inv-app"] == "inv-app" and names["inv-param"] == "inv-param"
    queue_row = next(r for r in report["resources"] if r["type"] == "AWS::SQS::Queue")
    assert queue_row["name"] == "inv-jobs" and queue_row["id"].startswith("http")

    out = backend.directory / "inv.csv"
    result = backend.script(SCRIPTS / "inventory-report.ccs", "--format", "csv", "--output", str(out), "--tag", "env=dev", *types)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.strip() == f"wrote 2 resources of 3 types to {out}"
    rows = list(csv.DictReader(io.StringIO(out.read_text(), newline="")))
    assert sorted((r["type"], r["name"], r["tags"]) for r in rows) == [
        ("AWS::SQS::Queue", "inv-jobs", "env=dev"), ("AWS::SSM::Parameter", "inv-param", "env=dev")]

    result = backend.script(SCRIPTS / "inventory-report.ccs", "--format", "csv", "AWS::Logs::LogGroup")
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0] == ["type", "id", "name", "tags"]
    assert ["AWS::Logs::LogGroup", "inv-web", "inv-web", 'note=a, "b"'] in rows
    assert '"note=a, ""b"""' in result.stdout

    result = backend.script(SCRIPTS / "inventory-report.ccs", "--summary", "--prefix", "AWS::Logs::")
    assert (result.returncode, result.stderr) == (0, "")
    assert "AWS::Logs::LogGroup  2" in result.stdout and result.stdout.strip().endswith("total: 2")


def test_inventory_child_types_and_all_types(local):
    """Child types are listed under every parent (none here); --all lists every shipped type."""
    local.seed('wait(create("AWS::Logs::LogGroup", {LogGroupName: "g"}))\n')
    result = local.script(SCRIPTS / "inventory-report.ccs", "AWS::Logs::LogGroup", "AWS::Logs::LogStream", "AWS::IAM::RolePolicy")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[2:] == ["AWS::Logs::LogGroup  g   g"]
    result = local.script(SCRIPTS / "inventory-report.ccs", "--format", "json", "--all")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert [r["id"] for r in report["resources"]] == ["g"]


def test_tag_sweep(backend):
    backend.seed('''
wait_all([
  create("AWS::SQS::Queue", {QueueName: "sw-a", Tags: [{Key: "owner", Value: "ana"}, {Key: "temp", Value: "1"}]}),
  create("AWS::SQS::Queue", {QueueName: "sw-b"}),
  create("AWS::SSM::Parameter", {Name: "sw-p", Type: "String", Value: "v", Tags: {temp: "x"}}),
  create("AWS::Logs::LogGroup", {LogGroupName: "other", Tags: [{Key: "owner", Value: "bo"}, {Key: "cost", Value: "c1"}]}),
])
''')
    before = {t: backend.resources(t) for t in ["AWS::SQS::Queue", "AWS::SSM::Parameter", "AWS::Logs::LogGroup"]}
    arguments = ["--require", "owner=unknown", "--require", "cost=shared", "--remove", "temp", "--all"]
    dry = backend.script(SCRIPTS / "tag-sweep.ccs", *arguments, "--dry-run")
    assert (dry.returncode, dry.stderr) == (0, "")
    lines = dry.stdout.splitlines()
    assert sorted(lines[:-1]) == sorted([
        f"would tag AWS::SQS::Queue {qid}: " + ("+cost=shared -temp" if p["QueueName"] == "sw-a" else "+owner=unknown +cost=shared")
        for qid, p in before["AWS::SQS::Queue"].items()] + ["would tag AWS::SSM::Parameter sw-p: +owner=unknown +cost=shared -temp"])
    assert lines[-1] == "dry run: 4 resources checked, nothing changed"
    assert {t: backend.resources(t) for t in before} == before, "a dry run changes nothing"

    result = backend.script(SCRIPTS / "tag-sweep.ccs", *arguments, "--batch", "2")
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    assert result.stdout.splitlines()[-1] == "4 resources checked, 3 changed, 0 failed"
    queues = {p["QueueName"]: tag_map(p) for p in backend.resources("AWS::SQS::Queue").values()}
    assert queues == {"sw-a": {"owner": "ana", "cost": "shared"}, "sw-b": {"owner": "unknown", "cost": "shared"}}
    assert backend.properties("AWS::SSM::Parameter", "sw-p")["Tags"] == {"owner": "unknown", "cost": "shared"}
    assert tag_map(backend.properties("AWS::Logs::LogGroup", "other")) == {"owner": "bo", "cost": "c1"}

    again = backend.script(SCRIPTS / "tag-sweep.ccs", *arguments)
    assert again.stdout.splitlines() == ["4 resources checked, 0 changed, 0 failed"], "a second sweep sends nothing"

    scoped = backend.script(SCRIPTS / "tag-sweep.ccs", "--require", "team=t", "--where", "owner=unknown",
                            "--prefix", "sw-", "AWS::SQS::Queue", "AWS::Logs::LogGroup")
    assert scoped.returncode == 0 and scoped.stdout.splitlines()[-1] == "1 resources checked, 1 changed, 0 failed"
    queues = {p["QueueName"]: tag_map(p) for p in backend.resources("AWS::SQS::Queue").values()}
    assert queues["sw-b"]["team"] == "t" and "team" not in queues["sw-a"]


def test_cleanup_test_resources(backend):
    backend.seed('''
wait_all([
  create("AWS::Logs::LogGroup", {LogGroupName: "test-a"}),
  create("AWS::Logs::LogGroup", {LogGroupName: "test-old", Tags: [{Key: "created-at", Value: "1000"}]}),
  create("AWS::Logs::LogGroup", {LogGroupName: "prod-a", Tags: [{Key: "purpose", Value: "ci"}]}),
  create("AWS::SQS::Queue", {QueueName: "test-q"}),
])
wait_all([
  create("AWS::Logs::LogStream", {LogGroupName: "test-a", LogStreamName: "s"}),
  create("AWS::Logs::LogStream", {LogGroupName: "prod-a", LogStreamName: "s"}),
])
''')
    types = ["AWS::Logs::LogGroup", "AWS::Logs::LogStream", "AWS::SQS::Queue"]
    old = backend.script(SCRIPTS / "cleanup-test-resources.ccs", "--prefix", "test-", "--older-than", "1h", *types)
    assert (old.returncode, old.stderr) == (0, ""), old.stdout
    assert old.stdout.splitlines() == ["plan (1 resources, in deletion order):", "  AWS::Logs::LogGroup test-old",
                                       "deleted AWS::Logs::LogGroup test-old", "1 deleted"]
    assert set(backend.resources("AWS::Logs::LogGroup")) == {"test-a", "prod-a"}

    dry = backend.script(SCRIPTS / "cleanup-test-resources.ccs", "--prefix", "test-", "--dry-run", *types)
    assert (dry.returncode, dry.stderr) == (0, "")
    queue_id = next(iter(backend.resources("AWS::SQS::Queue")))
    plan = ["plan (3 resources, in deletion order):", "  AWS::Logs::LogStream test-a|s", "  AWS::Logs::LogGroup test-a",
            f"  AWS::SQS::Queue {queue_id}"]
    assert dry.stdout.splitlines() == plan + ["dry run: nothing deleted"]
    assert set(backend.resources("AWS::Logs::LogGroup")) == {"test-a", "prod-a"}

    result = backend.script(SCRIPTS / "cleanup-test-resources.ccs", "--prefix", "test-", "--batch", "1", *types)
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    assert result.stdout.splitlines() == plan + [
        "deleted AWS::Logs::LogStream test-a|s", "deleted AWS::Logs::LogGroup test-a",
        f"deleted AWS::SQS::Queue {queue_id}", "3 deleted"]
    assert set(backend.resources("AWS::Logs::LogGroup")) == {"prod-a"}
    assert backend.resources("AWS::SQS::Queue") == {}
    assert set(backend.resources("AWS::Logs::LogStream", {"LogGroupName": "prod-a"})) == {"prod-a|s"}

    tagged = backend.script(SCRIPTS / "cleanup-test-resources.ccs", "--tag", "purpose=ci", "--all")
    assert tagged.returncode == 0 and tagged.stdout.splitlines()[-1] == "1 deleted"
    assert backend.resources("AWS::Logs::LogGroup") == {}

    nothing = backend.script(SCRIPTS / "cleanup-test-resources.ccs", "--prefix", "test-", "--all")
    assert nothing.stdout.splitlines() == ["nothing to delete"]


def test_copy_resource(backend):
    backend.seed('''
wait(create("AWS::Logs::LogGroup", {LogGroupName: "src", RetentionInDays: 14,
                                    Tags: [{Key: "team", Value: "web"}, {Key: "env", Value: "dev"}]}))
wait(create("AWS::SQS::Queue", {QueueName: "jobs", VisibilityTimeout: 45, DelaySeconds: 3}))
''')
    dry = backend.script(SCRIPTS / "copy-resource.ccs", "AWS::Logs::LogGroup", "src", "dst", "--dry-run")
    assert (dry.returncode, dry.stderr) == (0, "")
    assert dry.stdout.startswith("would create AWS::Logs::LogGroup with:\n")
    shown = json.loads(dry.stdout.split("\n", 1)[1])
    assert shown["LogGroupName"] == "dst" and "Arn" not in shown
    assert set(backend.resources("AWS::Logs::LogGroup")) == {"src"}

    result = backend.script(SCRIPTS / "copy-resource.ccs", "AWS::Logs::LogGroup", "src", "dst", "--set", "RetentionInDays=30")
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    assert result.stdout.strip() == "created AWS::Logs::LogGroup dst (copy of src)"
    src = backend.properties("AWS::Logs::LogGroup", "src")
    dst = backend.properties("AWS::Logs::LogGroup", "dst")
    assert dst["RetentionInDays"] == 30 and tag_map(dst) == tag_map(src) == {"team": "web", "env": "dev"}
    assert dst["Arn"] != src["Arn"]

    queue_url = next(iter(backend.resources("AWS::SQS::Queue")))
    result = backend.script(SCRIPTS / "copy-resource.ccs", "AWS::SQS::Queue", queue_url, "jobs-2", "--no-tags")
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    queues = {p["QueueName"]: p for p in backend.resources("AWS::SQS::Queue").values()}
    assert set(queues) == {"jobs", "jobs-2"}
    assert (queues["jobs-2"]["VisibilityTimeout"], queues["jobs-2"]["DelaySeconds"]) == (45, 3)
    assert queues["jobs-2"]["QueueUrl"] != queue_url

    missing = backend.script(SCRIPTS / "copy-resource.ccs", "AWS::Logs::LogGroup", "nope", "x")
    assert missing.returncode == 1
    assert missing.stderr.startswith("scripts/copy-resource.ccs: error: ResourceNotFoundException: ")
    taken = backend.script(SCRIPTS / "copy-resource.ccs", "AWS::Logs::LogGroup", "src", "dst")
    assert taken.returncode == 1
    assert taken.stderr.startswith("scripts/copy-resource.ccs: error: AlreadyExists: ")


def test_apply(backend):
    stack = backend.directory / "stack.json"
    resources = [
        {"type": "AWS::Logs::LogGroup", "properties": {"LogGroupName": "st-app", "RetentionInDays": 14,
                                                        "Tags": [{"Key": "team", "Value": "web"}]}},
        {"type": "AWS::SQS::Queue", "properties": {"QueueName": "st-jobs", "VisibilityTimeout": 60},
         "match": {"QueueName": "st-jobs"}},
    ]
    stack.write_text(json.dumps(resources))
    dry = backend.script(SCRIPTS / "apply.ccs", str(stack), "--dry-run")
    assert (dry.returncode, dry.stderr) == (0, "")
    assert dry.stdout.splitlines() == ["would create AWS::Logs::LogGroup st-app", "would create AWS::SQS::Queue st-jobs",
                                       "2 resources, 0 failed"]
    assert backend.resources("AWS::Logs::LogGroup") == {}

    first = backend.script(SCRIPTS / "apply.ccs", str(stack))
    assert (first.returncode, first.stderr) == (0, ""), first.stdout
    queue_url = next(iter(backend.resources("AWS::SQS::Queue")))
    assert first.stdout.splitlines() == ["created AWS::Logs::LogGroup st-app", f"created AWS::SQS::Queue {queue_url}",
                                         "2 resources, 0 failed"]
    group = backend.properties("AWS::Logs::LogGroup", "st-app")
    assert (group["RetentionInDays"], tag_map(group)) == (14, {"team": "web"})
    assert backend.properties("AWS::SQS::Queue", queue_url)["VisibilityTimeout"] == 60

    second = backend.script(SCRIPTS / "apply.ccs", str(stack))
    assert second.stdout.splitlines() == ["unchanged AWS::Logs::LogGroup st-app",
                                          f"unchanged AWS::SQS::Queue {queue_url}", "2 resources, 0 failed"]

    resources[0]["properties"]["RetentionInDays"] = 30
    resources[1]["properties"]["FifoQueue"] = True
    stack.write_text(json.dumps({"resources": resources}))
    third = backend.script(SCRIPTS / "apply.ccs", str(stack))
    assert third.returncode == 1
    lines = third.stdout.splitlines()
    assert lines[0] == "updated AWS::Logs::LogGroup st-app (RetentionInDays)"
    assert lines[1].startswith("failed AWS::SQS::Queue st-jobs: NotUpdatable: ") and "FifoQueue" in lines[1]
    assert lines[2] == "2 resources, 1 failed"
    assert backend.properties("AWS::Logs::LogGroup", "st-app")["RetentionInDays"] == 30
    assert "FifoQueue" not in backend.properties("AWS::SQS::Queue", queue_url)

    stack.write_text('{"resources": [{"type": "AWS::SQS::Queue"}]}')
    invalid = backend.script(SCRIPTS / "apply.ccs", str(stack))
    assert invalid.returncode == 1
    assert invalid.stdout == ""
    assert invalid.stderr.splitlines()[0] == (f'scripts/apply.ccs: error: ValueError: {stack}: resource #0 needs "type" '
                                              '(a string) and "properties" (an object)')
    assert invalid.stderr.splitlines()[1].startswith("  at ")


def test_scripts_ride_out_throttling(tmp_path):
    """Against a server that throttles 30% of calls and fails 10% of requests with
    ErrorCode Throttling, a tag sweep and an inventory still complete: the client retries
    throttled calls (AWS_MAX_ATTEMPTS=10 here) and wait resubmits throttled requests."""
    backend = Backend("serve", tmp_path, "--faults", "throttle=0.3,failed-throttle=0.1,seed=11")
    retries = {"AWS_MAX_ATTEMPTS": "10"}
    try:
        seed = tmp_path / "seed.ccs"
        seed.write_text('wait_all([create("AWS::SQS::Queue", {QueueName: "a"}), create("AWS::SQS::Queue", {QueueName: "b"}),\n'
                        '          create("AWS::Logs::LogGroup", {LogGroupName: "g"})])\n')
        seeded = backend.ccs(str(seed), extra_env=retries)
        assert seeded.returncode == 0, seeded.stdout + seeded.stderr
        types = ["AWS::SQS::Queue", "AWS::Logs::LogGroup"]
        sweep = backend.ccs(str(SCRIPTS / "tag-sweep.ccs"), "--require", "owner=x", *types, extra_env=retries)
        assert (sweep.returncode, sweep.stderr) == (0, ""), sweep.stdout
        assert sweep.stdout.splitlines()[-1] == "3 resources checked, 3 changed, 0 failed"
        report = backend.ccs(str(SCRIPTS / "inventory-report.ccs"), "--format", "json", *types, extra_env=retries)
        assert (report.returncode, report.stderr) == (0, ""), report.stdout
        assert sorted(r["tags"]["owner"] for r in json.loads(report.stdout)["resources"]) == ["x", "x", "x"]
        backend.boto = backend.server.client(max_attempts=10)
        owners = [tag_map(p).get("owner") for t in types for p in backend.resources(t).values()]
        assert owners == ["x", "x", "x"]
    finally:
        backend.close()


TOUR_SNAPSHOT = MODULE_TESTS / "tour.expected"


def test_tour(backend):
    """The README's tour runs to the end in about 30 lines and leaves nothing behind. Its
    output on a fresh database is kept in Tests/stdlib/tour.expected (re-record it with
    CCS_RECORD_SNAPSHOTS=1) so that a change to what the README shows is seen in review."""
    result = backend.script(SCRIPTS / "tour.ccs")
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    if os.environ.get("CCS_RECORD_SNAPSHOTS") == "1":
        TOUR_SNAPSHOT.write_text(result.stdout)
    assert result.stdout == TOUR_SNAPSHOT.read_text()
    lines = result.stdout.splitlines()
    assert lines[0].startswith("== ccs tour")
    assert lines[-1] == "deleted 3 resources; tour complete"
    assert 20 <= len(lines) <= 40
    for expected in ["caught: ResourceNotFoundException", "caught: AlreadyExists", "after patch: retention 30",
                     "team of tour-web: [\"web\"]", "listed: tour-"]:
        assert any(line.startswith(expected) for line in lines), expected
    assert backend.resources("AWS::Logs::LogGroup") == {}
    assert backend.resources("AWS::SQS::Queue") == {}
    again = backend.script(SCRIPTS / "tour.ccs")
    assert again.returncode == 0, "the tour can run twice on the same database"


def test_org_inventory_counts_per_account_and_region(backend):
    made = backend.ccs("-e", 'wait(aws({region: "eu-west-1", role_arn: "arn:aws:iam::111111111111:role/R"})'
                             '.create("AWS::SQS::Queue", {QueueName: "org-q"}))')
    assert made.returncode == 0, made.stderr
    result = backend.script(SCRIPTS / "org-inventory.ccs", "--accounts", "current,111111111111", "--role", "R",
                            "--regions", "us-east-1,eu-west-1", "AWS::SQS::Queue")
    assert (result.returncode, result.stderr) == (0, "")
    rows = [line.split() for line in result.stdout.splitlines()[2:]]
    assert ["111111111111", "eu-west-1", "AWS::SQS::Queue", "1"] in rows
    assert ["111111111111", "us-east-1", "AWS::SQS::Queue", "0"] in rows
    assert len(rows) == 4
