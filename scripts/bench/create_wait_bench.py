#!/usr/bin/env python3
"""Driver of scripts/bench-create-wait.sh: times the ccs script (create_wait.ccs, one
wait_all) against the boto3 script (create_wait_boto3.py, sequential waiters, and the same
waiters from a thread pool), all against one `ccs serve` at AWS_ENDPOINT_URL, and writes the
"## Create and wait" section of docs/BENCHMARKS.md.
usage: create_wait_bench.py CCS RUNS COUNT LATENCY_MS BENCHMARKS.md

Every run uses names no other run used (PREFIX = tool, run number and this process id), so
each run really creates COUNT new resources. The order of the tools alternates from run to run
so that a burst of load on the shared machine does not always fall on the same tool."""
import os
import re
import statistics
import subprocess
import sys
import textwrap
import time

TARGET_RATIO = 5.0
THREADS = 16


def commands(ccs, count):
    here = os.path.dirname(os.path.abspath(__file__))
    python = sys.executable
    return [
        ("ccs", "ccs script: `create` ×{n}, one `wait_all`",
         lambda prefix: [ccs, os.path.join(here, "create_wait.ccs"), prefix, str(count)]),
        ("boto3", "boto3: `create_resource` ×{n}, then the `resource_request_success` waiter on each in turn",
         lambda prefix: [python, os.path.join(here, "create_wait_boto3.py"), prefix, str(count)]),
        ("boto3-pool", f"boto3, the same waiters run from a pool of {THREADS} threads",
         lambda prefix: [python, os.path.join(here, "create_wait_boto3.py"), prefix, str(count),
                         "--threads", str(THREADS)]),
    ]


def run_once(argv):
    """Wall seconds of the whole process, and the (create, wait) seconds it printed."""
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"create_wait_bench: {' '.join(argv)} failed ({done.returncode}): {done.stderr.strip()}")
    parts = done.stdout.split()
    if len(parts) != 2:
        sys.exit(f"create_wait_bench: {' '.join(argv)} printed {done.stdout!r}, expected two numbers")
    return wall, float(parts[0]), float(parts[1])


def main():
    ccs, runs, count, latency, doc_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    tools = commands(ccs, count)
    samples = {name: [] for name, _, _ in tools}
    for run in range(runs):
        order = tools if run % 2 == 0 else list(reversed(tools))
        for name, _, make in order:
            wall, create, wait = run_once(make(f"cw-{name}-{run}-{os.getpid()}"))
            samples[name].append((wall, create, wait))
            print(f"create+wait {name}, run {run + 1}: {wall:.2f} s (create {create:.2f} s, wait {wait:.2f} s)",
                  file=sys.stderr)

    def med(name, index):
        return statistics.median(s[index] for s in samples[name])

    slowest = 2 * latency / 1000  # PENDING then IN_PROGRESS, one latency each (docs/EMULATOR.md)
    ccs_wall = med("ccs", 0)
    intro = (
        f"Measured by `scripts/bench-create-wait.sh` on {time.strftime('%Y-%m-%d', time.gmtime())}: `ccs serve` "
        f"(release build, `--latency {latency}`: each request spends {latency} ms PENDING and {latency} ms "
        f"IN_PROGRESS, so every request takes {slowest:.1f} s to succeed, about what a log group takes on "
        f"AWS) on loopback, one new database for the benchmark and new names in every run. Each command "
        f"is a whole process that creates {count:,} `AWS::Logs::LogGroup` resources, one create call after "
        f"the other, then waits until all have succeeded. Times are medians of {runs} runs (wall clock of "
        "the process; the create and wait phases as the scripts measure them). botocore's "
        "`resource_request_success` waiter polls every 5 s (its fixed `delay`); `wait_all` polls each "
        "request when the service's `RetryAfter` says it is due. Not run: a boto3 loop that waits for "
        f"each resource before creating the next, which takes at least {count:,} × {slowest:.1f} s "
        f"(in practice {count:,} × 5 s, the waiter's delay)."
    )
    lines = textwrap.wrap(intro, width=95, break_on_hyphens=False) + [
        "",
        "| command | total | creating | waiting | ccs faster by |",
        "|---|---|---|---|---|",
    ]
    for name, label, _ in tools:
        ratio = "—" if name == "ccs" else f"{med(name, 0) / ccs_wall:.1f}×"
        lines.append(f"| {label.format(n=f'{count:,}')} | {med(name, 0):.2f} s | {med(name, 1):.2f} s | "
                     f"{med(name, 2):.2f} s | {ratio} |")
    ratio = med("boto3", 0) / ccs_wall
    wait = med("ccs", 2)
    met = "met" if ratio >= TARGET_RATIO else "not met"
    # "≈ the slowest request": within one poll interval's slack of it (1 s, wait's first backoff).
    near = "met" if wait <= slowest + 1.0 else "not met"
    lines += [
        "",
    ] + textwrap.wrap(
        f"Target: the whole ccs run at least {TARGET_RATIO:.0f}× faster than the boto3 script with sequential "
        f"waiters — **{met}** ({ratio:.1f}×). Target: `wait_all` takes about as long as the slowest request "
        f"(within 1 s of its {slowest:.1f} s) — **{near}** ({wait:.2f} s waiting after the last create). "
        f"The boto3 scripts wait in steps of the waiter's 5 s delay, and a thread pool does not shorten "
        f"that step; `wait_all` ends when the last request does (here {slowest:.1f} s against 5 s), so the ratio "
        "depends on how long the requests take.", width=95, break_on_hyphens=False)
    section = "\n".join(lines) + "\n"
    text = open(doc_path).read()
    pattern = re.compile(r"^## Create and wait\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: "## Create and wait\n\n" + section + "\n", text, count=1)
    else:
        # A new section goes after Listing, the other end-to-end comparison against the server.
        listing = re.search(r"^## Listing\n.*?(?=^## |\Z)", text, re.S | re.M)
        insert = listing.end() if listing else len(text)
        block = "## Create and wait\n\n" + section + "\n"
        if not text[:insert].endswith("\n\n"):
            block = "\n" + block
        text = text[:insert] + block + text[insert:]
    open(doc_path, "w").write(text.rstrip("\n") + "\n")
    print(section)


if __name__ == "__main__":
    main()
