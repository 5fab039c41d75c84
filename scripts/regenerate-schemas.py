#!/usr/bin/env python3
"""Regenerate the resource schemas shipped with ccs.

Reads the CloudFormation registry schemas, as the registry publishes them (with `handlers`:
which operations a type supports, their permissions, and `list.handlerSchema`), from a copy
of terraform-provider-awscc's `internal/service/cloudformation/schemas/` folder (MPL-2.0;
one `AWS_Service_Resource.json` per type). Writes every schema into
Sources/ResourceSchemas/Schemas/ as `aws-service-resource.json` (the type name lower-cased,
`::` replaced by `-`, the name SchemaRegistry looks up first), minified: the files are read
by a parser, not a person, and whitespace is a quarter of their size. Also writes
`types.txt` (every type name, one a line, so that listing the types reads one small file),
copies the repository's LICENSE and writes SOURCES.md with the provenance.

cfn-lint's bundled copies, the previous source, have `handlers` stripped, so they cannot tell
a type without a list or update handler from one with it.

Usage: scripts/regenerate-schemas.py [--source DIR] [--commit SHA] [--out DIR]
"""

import argparse
import json
import pathlib
import shutil
import sys

REPOSITORY = "https://github.com/hashicorp/terraform-provider-awscc"
DEFAULT_COMMIT = "f995d4f4139602dbb9044f3108702f2a1837a872"
SOURCE_PATH = "internal/service/cloudformation/schemas"


def file_name(type_name: str) -> str:
    return type_name.lower().replace("::", "-") + ".json"


def main() -> int:
    root = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        type=pathlib.Path,
        default=root.parent / "shared/conformance/cfn-schemas",
        help=f"a copy of {SOURCE_PATH} with the repository's LICENSE",
    )
    parser.add_argument("--commit", default=DEFAULT_COMMIT, help="the commit the copy was taken at")
    parser.add_argument("--out", type=pathlib.Path, default=root / "Sources/ResourceSchemas/Schemas")
    args = parser.parse_args()

    files = sorted(args.source.glob("AWS_*.json"))
    licence = args.source / "LICENSE"
    if not files or not licence.exists():
        print(f"error: {args.source} holds no AWS_*.json schemas and LICENSE", file=sys.stderr)
        return 1

    schemas = {}
    for path in files:
        schema = json.loads(path.read_text())
        type_name = schema.get("typeName")
        if not isinstance(type_name, str) or file_name(type_name) != path.name.lower().replace("_", "-"):
            print(f"error: {path.name} has typeName {type_name!r}", file=sys.stderr)
            return 1
        schemas[type_name] = schema

    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("aws-*.json"):
        old.unlink()
    for type_name, schema in schemas.items():
        text = json.dumps(schema, separators=(",", ":"), ensure_ascii=False)
        (args.out / file_name(type_name)).write_text(text + "\n")
    # SchemaRegistry reads the type names from this list instead of from 1,489 files.
    (args.out / "types.txt").write_text("".join(t + "\n" for t in sorted(schemas)))
    shutil.copyfile(licence, args.out / "LICENSE")
    stale = args.out / "LICENSE.md"
    if stale.exists():
        stale.unlink()

    def count(predicate):
        return sum(1 for s in schemas.values() if predicate(s.get("handlers", {})))

    with_update = count(lambda h: "update" in h)
    with_list = count(lambda h: "list" in h)
    with_parent_keys = count(lambda h: h.get("list", {}).get("handlerSchema", {}).get("required"))
    (args.out / "SOURCES.md").write_text(
        f"""# Resource schemas: source and licence

The `aws-*.json` files in this folder are the CloudFormation registry's resource provider
schemas, {len(schemas):,} types, as carried by terraform-provider-awscc:

- repository: {REPOSITORY}
- commit: `{args.commit}`
- path: `{SOURCE_PATH}/AWS_<Service>_<Resource>.json`
- licence: the repository's, MPL-2.0 (copied unchanged as `LICENSE`); the schemas themselves
  are the data AWS publishes through the CloudFormation registry (DescribeType).

scripts/regenerate-schemas.py wrote them: each file renamed to `aws-<service>-<resource>.json`
(the type name lower-cased, `::` replaced by `-`) and minified (no whitespace between tokens);
the content is otherwise unchanged, `handlers` included.

Counted: {with_update:,} types with an update handler (the others are IMMUTABLE),
{with_list:,} with a list handler, {with_parent_keys:,} whose list handler's `handlerSchema`
names the ResourceModel keys a listing requires.
"""
    )
    print(f"wrote {len(schemas)} schemas from {args.source} (commit {args.commit[:7]}) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
