#!/usr/bin/env python3
"""Writes the `## JSON and JSONPath` section of docs/BENCHMARKS.md from hyperfine's JSON
exports. usage: report_json.py BENCHMARKS.md RESULTS_DIR MACHINE_NOTE

Each export holds the commands of one row; the first command is ccs, then the json (+ loop)
baseline, then (JSONPath rows) jsonpath-ng, and the ratio is baseline median / ccs median (above 1: ccs is faster)."""
import json
import pathlib
import statistics
import sys

ROWS = [
    ("decode", "JSON decode, {decode_mb} MB ({decode_docs} documents)"),
    ("decode100k", "JSON decode, {filter_mb} MB ({filter_docs} documents)"),
    ("buckets", "JSONPath filter `$[?@.TypeName == 'AWS::S3::Bucket' && @.Properties.VersioningConfiguration.Status == 'Enabled'].Properties.BucketName`, decode included ({filter_docs} documents)"),
    ("tags", "JSONPath nested filter `$[*].Properties.Tags[?@.Key == 'team'].Value`, decode included ({filter_docs} documents)"),
]


def median_ms(result):
    return statistics.median(result["times"]) * 1000


def main():
    doc_path, results_dir, note = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
    meta = json.loads((results_dir / "meta.json").read_text())
    lines = [
        "Measured by `scripts/bench-json.sh` (hyperfine, median of the runs shown; whole processes, so",
        "reading the file and starting the interpreter are included on both sides). ccs is measured",
        "with `ccs query` (release build): the language's script runner is not on main yet, so the",
        "decode rows run a query that selects nothing (`$.none`) and print `[]`, as the Python",
        "baseline does. Data: `scripts/bench/gen_properties.py` (Cloud Control-like resource",
        "descriptions: tags, ARNs, nested configuration, some non-ASCII and escapes).",
        "",
        "| Benchmark | ccs | CPython 3.11: json (+ loop) | ratio | CPython 3.11: json + jsonpath-ng | ratio |",
        "|---|---|---|---|---|---|",
    ]
    for key, title in ROWS:
        export = results_dir / f"{key}.json"
        if not export.exists():
            continue
        results = json.loads(export.read_text())["results"]
        ccs = median_ms(results[0])
        cells = [title.format(**meta), f"{ccs:.0f} ms"]
        for result in results[1:]:
            baseline = median_ms(result)
            cells += [f"{baseline:.0f} ms", f"{baseline / ccs:.2f}×"]
        while len(cells) < 6:
            cells.append("—")
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", note, ""]

    text = doc_path.read_text()
    start = text.index("## JSON and JSONPath")
    body_start = text.index("\n", start) + 1
    end = text.find("\n## ", body_start)
    end = len(text) if end == -1 else end + 1
    doc_path.write_text(text[:body_start] + "\n" + "\n".join(lines) + "\n" + text[end:])


if __name__ == "__main__":
    main()
