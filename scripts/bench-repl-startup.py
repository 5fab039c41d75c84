#!/usr/bin/env python3
"""REPL start-up: the time from starting `ccs` on a pseudo-terminal to its first `ccs> `
prompt on that terminal, with a full history file (1,000 entries) to load. Prints a
Markdown section; with --write, replaces the "## REPL start-up" section of
docs/BENCHMARKS.md. Usage: scripts/bench-repl-startup.py [--runs N] [--binary PATH] [--write]
"""

import argparse
import os
import pty
import re
import select
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def time_to_prompt(binary, arguments, env):
    """Seconds from fork to the prompt appearing on the terminal."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary] + arguments, env)
    seen = b""
    elapsed = None
    deadline = start + 10
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            seen += chunk
            if b"ccs> " in seen:
                elapsed = time.perf_counter() - start
                break
    os.write(fd, b":quit\r")
    os.waitpid(pid, 0)
    os.close(fd)
    if elapsed is None:
        raise SystemExit(f"no prompt from {binary}: {seen!r}")
    return elapsed


def time_to_exit(binary, arguments, env):
    """Seconds from fork to the exit of a short command on the terminal (the baseline)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary] + arguments, env)
    while True:
        try:
            if not os.read(fd, 4096):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    os.close(fd)
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--binary")
    parser.add_argument("--write", action="store_true")
    options = parser.parse_args()
    binary = options.binary or os.path.join(subprocess.run(
        ["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True,
        check=True).stdout.strip(), "ccs")
    with tempfile.TemporaryDirectory() as folder:
        os.makedirs(os.path.join(folder, "ccs"))
        with open(os.path.join(folder, "ccs", "history"), "w") as history:
            history.writelines(f'let value_{i} = get("AWS::Logs::LogGroup", "group-{i}")\n' for i in range(1000))
        os.chmod(os.path.join(folder, "ccs", "history"), 0o600)
        env = {"PATH": "/usr/bin:/bin", "HOME": folder, "XDG_STATE_HOME": folder, "TERM": "xterm-256color",
               "AWS_EC2_METADATA_DISABLED": "true"}
        cases = [("`ccs --local=DB` (in-process emulator)", [f"--local={folder}/local.sqlite"]),
                 ("`ccs` (AWS backend, no request made)", [])]
        rows = []
        for label, arguments in cases:
            time_to_prompt(binary, arguments, env)  # warm the page cache
            samples = sorted(time_to_prompt(binary, arguments, env) * 1000 for _ in range(options.runs))
            rows.append((label, statistics.median(samples), samples[int(len(samples) * 0.9) - 1], samples[0]))
        time_to_exit(binary, ["--version"], env)
        samples = sorted(time_to_exit(binary, ["--version"], env) * 1000 for _ in range(options.runs))
        rows.append(("baseline: `ccs --version` to exit", statistics.median(samples),
                     samples[int(len(samples) * 0.9) - 1], samples[0]))
    cpu = ""
    try:
        cpu = re.search(r"model name\s*:\s*(.*)", open("/proc/cpuinfo").read()).group(1)
    except (OSError, AttributeError):
        pass
    section = [
        "## REPL start-up",
        "",
        f"Measured by `scripts/bench-repl-startup.py` on {time.strftime('%Y-%m-%d', time.gmtime())} "
        f"({cpu or 'unknown CPU'}, shared machine, load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores): the release build is started on a pseudo-terminal "
        f"and timed from `fork` until `ccs> ` is on the terminal, {options.runs} runs each after one warm-up, "
        "with a 1,000-entry history file to load. Nothing is fetched before the prompt: type names and "
        "schemas for completion load at the first Tab. The last row is the same binary starting and "
        "exiting at once: the difference is what the REPL itself costs (line editor, history, built-ins).",
        "",
        "| start | median | p90 | fastest |",
        "|---|---|---|---|",
    ]
    for label, median, p90, fastest in rows:
        section.append(f"| {label} | {median:.1f} ms | {p90:.1f} ms | {fastest:.1f} ms |")
    text = "\n".join(section) + "\n"
    print(text)
    if options.write:
        path = os.path.join(ROOT, "docs", "BENCHMARKS.md")
        document = open(path).read()
        pattern = re.compile(r"^## REPL start-up\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
        if pattern.search(document):
            document = pattern.sub(lambda _: text + "\n", document)
        else:
            document = document.rstrip("\n") + "\n\n" + text
        open(path, "w").write(document)


if __name__ == "__main__":
    main()
