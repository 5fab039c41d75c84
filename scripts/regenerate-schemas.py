#!/usr/bin/env python3
"""Regenerate the resource schemas shipped with the ccs emulator.

Reads the CloudFormation registry schemas carried by the installed `cfn-lint` package
(MIT No Attribution): `cfnlint/data/schemas/resources/*.json`, indexed by type name in
`cfnlint/data/schemas/providers/us_east_1.py`. Writes one file per curated type into
Sources/ResourceSchemas/Schemas/ as `aws-service-resource.json` (the type name lower-cased,
`::` replaced by `-`), plus LICENSE.md naming the source and version.

Usage: pip install cfn-lint && scripts/regenerate-schemas.py [--out DIR]
"""

import argparse
import importlib.util
import json
import pathlib
import sys

# The curated set: the common types users reach for first, parents and their child types.
TYPES = [
    "AWS::ApiGateway::Deployment",
    "AWS::ApiGateway::Resource",
    "AWS::ApiGateway::RestApi",
    "AWS::ApiGateway::Stage",
    "AWS::CloudWatch::Alarm",
    "AWS::CloudWatch::Dashboard",
    "AWS::DynamoDB::Table",
    "AWS::EC2::InternetGateway",
    "AWS::EC2::KeyPair",
    "AWS::EC2::Route",
    "AWS::EC2::RouteTable",
    "AWS::EC2::SecurityGroup",
    "AWS::EC2::Subnet",
    "AWS::EC2::VPC",
    "AWS::ECR::Repository",
    "AWS::ECS::Cluster",
    "AWS::ECS::TaskDefinition",
    "AWS::EKS::Addon",
    "AWS::EKS::Cluster",
    "AWS::EKS::FargateProfile",
    "AWS::EKS::Nodegroup",
    "AWS::Events::EventBus",
    "AWS::Events::Rule",
    "AWS::IAM::InstanceProfile",
    "AWS::IAM::ManagedPolicy",
    "AWS::IAM::Role",
    "AWS::IAM::RolePolicy",
    "AWS::IAM::User",
    "AWS::KMS::Alias",
    "AWS::KMS::Key",
    "AWS::Kinesis::Stream",
    "AWS::Lambda::Function",
    "AWS::Lambda::Permission",
    "AWS::Logs::LogGroup",
    "AWS::Logs::LogStream",
    "AWS::Logs::MetricFilter",
    "AWS::S3::Bucket",
    "AWS::S3::BucketPolicy",
    "AWS::SNS::Subscription",
    "AWS::SNS::Topic",
    "AWS::SQS::Queue",
    "AWS::SSM::Document",
    "AWS::SSM::Parameter",
    "AWS::SecretsManager::Secret",
    "AWS::StepFunctions::Activity",
    "AWS::StepFunctions::StateMachine",
]


def file_name(type_name: str) -> str:
    return type_name.lower().replace("::", "-") + ".json"


def main() -> int:
    default_out = pathlib.Path(__file__).resolve().parent.parent / "Sources/ResourceSchemas/Schemas"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=default_out)
    args = parser.parse_args()

    try:
        import cfnlint
        from importlib.metadata import distribution, version
    except ImportError:
        print("error: cfn-lint is not installed (pip install cfn-lint)", file=sys.stderr)
        return 1
    root = pathlib.Path(cfnlint.__file__).parent / "data/schemas"
    spec = importlib.util.spec_from_file_location("us_east_1", root / "providers/us_east_1.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    index = module.types

    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("aws-*.json"):
        old.unlink()
    for type_name in TYPES:
        if type_name not in index:
            print(f"error: {type_name} is not in cfn-lint's us_east_1 index", file=sys.stderr)
            return 1
        schema = json.loads((root / "resources" / (index[type_name] + ".json")).read_text())
        if schema.get("typeName") != type_name:
            print(f"error: {type_name}: file has typeName {schema.get('typeName')}", file=sys.stderr)
            return 1
        (args.out / file_name(type_name)).write_text(json.dumps(schema, indent=1, ensure_ascii=False) + "\n")

    cfn_lint_version = version("cfn-lint")
    licence_text = (distribution("cfn-lint").read_text("licenses/LICENSE") or "MIT-0").strip()
    (args.out / "LICENSE.md").write_text(
        f"""# Resource schemas: source and licence

The `aws-*.json` files in this folder are CloudFormation resource provider schemas as
carried by the `cfn-lint` Python package, version {cfn_lint_version}
(https://github.com/aws-cloudformation/cfn-lint, `src/cfnlint/data/schemas/resources/`,
indexed by type name in `src/cfnlint/data/schemas/providers/us_east_1.py`). They were
written by scripts/regenerate-schemas.py, which re-indents them and changes nothing else.

cfn-lint is licensed under the MIT No Attribution License (MIT-0). Its licence file,
as shipped in the wheel:

{licence_text}

cfn-lint's copies omit the `handlers` section of the registry schemas (permissions and
`handlers.list.handlerSchema`), so the keys a child type needs in order to be listed are
kept in the emulator's own table (Sources/ResourceSchemas/ListRequirements.swift).
"""
    )
    print(f"wrote {len(TYPES)} schemas from cfn-lint {cfn_lint_version} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
