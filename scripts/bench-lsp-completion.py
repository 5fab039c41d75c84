#!/usr/bin/env python3
"""`ccs lsp` completion latency on a 1,000-line script: the time from sending a
textDocument/completion request to reading its answer, for the four kinds of completion
(a name, a resource type name in a string, a property name in a create map, a member of an
imported stdlib module), each asked RUNS times at the end of the script. The target is under
50 ms (issue 14). Prints a Markdown table. Not a test: run it by hand on a quiet machine,
with a release build. Usage: scripts/bench-lsp-completion.py [--runs N] [--binary PATH] [--write]
(--write replaces the "Editor" section of docs/BENCHMARKS.md with the table).
"""

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def script_lines(count):
    """A plausible script: functions, loops over listings, creates with property maps."""
    lines = ['import "table"', 'import "tags"', ""]
    n = 0
    while len(lines) < count - 1:
        n += 1
        lines += [
            f"# Group {n}: list and tag log groups.",
            f"fn report_{n}(prefix) {{",
            f'  let rows = []',
            f'  for g in list("AWS::Logs::LogGroup") {{',
            f'    if g.LogGroupName.starts_with(prefix) {{ push(rows, {{name: g.LogGroupName, days: g.RetentionInDays}}) }}',
            f"  }}",
            f"  return table.text(rows, null)",
            f"}}",
            f'let q_{n} = create("AWS::SQS::Queue", {{QueueName: "jobs-{n}", VisibilityTimeout: 30}})',
            "",
        ]
    return lines[:count - 1]


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Server:
    def __init__(self, binary):
        self.process = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, method, params, request=True):
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        self.process.stdin.write(frame(message))
        self.process.stdin.flush()
        return message.get("id")

    def read(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.process.stdout.read(length))

    def answer(self, request_id):
        while True:
            message = self.read()
            if message.get("id") == request_id:
                return message

    def close(self):
        self.answer(self.send("shutdown", None))
        self.send("exit", None, request=False)
        self.process.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "ccs"))
    parser.add_argument("--write", action="store_true", help="write the table into docs/BENCHMARKS.md")
    options = parser.parse_args()
    lines = []

    def emit(line=""):
        print(line)
        lines.append(line)

    body = script_lines(1000)
    cases = {
        "name": "pri",
        "type name": 'let b = create("AWS::S3::Bu',
        "property": 'let c = create("AWS::SQS::Queue", {QueueName: "x", Vis',
        "module member": "print(table.te",
    }
    folder = tempfile.mkdtemp()
    server = Server(options.binary)
    server.answer(server.send("initialize", {"capabilities": {}, "rootUri": None}))
    server.send("initialized", {}, request=False)
    emit(f"`ccs lsp` completion on a {len(body) + 1}-line script, {options.runs} requests each, "
         "measured by `scripts/bench-lsp-completion.py` (the time from sending textDocument/completion "
         "to reading its answer, over stdio, release build). Target: under 50 ms.")
    emit()
    emit("| completion | items | median | p95 |")
    emit("|---|---|---|---|")
    for label, last_line in cases.items():
        uri = "file://" + os.path.join(folder, label.replace(" ", "-") + ".ccs")
        text = "\n".join(body + [last_line])
        server.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "ccs", "version": 1,
                                                               "text": text}}, request=False)
        position = {"line": len(body), "character": len(last_line)}
        times = []
        items = 0
        for _ in range(options.runs):
            start = time.perf_counter()
            reply = server.answer(server.send("textDocument/completion",
                                              {"textDocument": {"uri": uri}, "position": position}))
            times.append((time.perf_counter() - start) * 1000)
            items = len(reply["result"]["items"])
        times.sort()
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        emit(f"| {label} | {items} | {statistics.median(times):.1f} ms | {p95:.1f} ms |")
    server.close()
    if options.write:
        write_section("\n".join(lines))


def write_section(body):
    import re
    path = os.path.join(ROOT, "docs", "BENCHMARKS.md")
    doc = open(path).read()
    section = "## Editor: ccs lsp completion\n\n" + body.strip() + "\n"
    pattern = re.compile(r"## Editor: ccs lsp completion\n.*?(?=\n## |\Z)", re.S)
    if pattern.search(doc):
        doc = pattern.sub(lambda _: section, doc, count=1)
    else:
        doc = doc.rstrip("\n") + "\n\n" + section
    open(path, "w").write(doc)


if __name__ == "__main__":
    main()
