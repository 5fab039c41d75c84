"""Regenerates endpoints.json: the URL (or error) botocore's own endpoint resolver gives for
the cloudcontrol service for each region / FIPS / dual-stack / custom-endpoint combination.
Run: python3 generate.py > endpoints.json (botocore 1.43.11 was used)."""
import json
import botocore
import botocore.session
from botocore.endpoint_provider import EndpointProvider
from botocore.exceptions import EndpointResolutionError

session = botocore.session.get_session()
loader = session.get_component("data_loader")
ruleset = loader.load_service_model("cloudcontrol", "endpoint-rule-set-1")
partitions = loader.load_data("partitions")
provider = EndpointProvider(ruleset, partitions)

regions = [
    "us-east-1", "eu-west-3", "ap-southeast-7", "mx-central-1", "il-central-1",
    "cn-north-1", "cn-northwest-1", "us-gov-west-1", "us-gov-east-1",
    "us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1", "us-isof-south-1",
    "eusc-de-east-1", "xx-unknown-1", "cn-future-9", "us-gov-future-3",
]
cases = []
for region in regions:
    for fips in (False, True):
        for dual in (False, True):
            cases.append({"Region": region, "UseFIPS": fips, "UseDualStack": dual})
cases += [
    {"Region": "eu-west-3", "UseFIPS": False, "UseDualStack": False, "Endpoint": "http://127.0.0.1:8080"},
    {"Region": "eu-west-3", "UseFIPS": True, "UseDualStack": False, "Endpoint": "http://127.0.0.1:8080"},
    {"Region": "eu-west-3", "UseFIPS": False, "UseDualStack": True, "Endpoint": "https://example.com"},
    {"UseFIPS": False, "UseDualStack": False, "Endpoint": "https://example.com/base"},
    {"UseFIPS": False, "UseDualStack": False},
]
out = []
for params in cases:
    entry = {"params": params}
    try:
        endpoint = provider.resolve_endpoint(**params)
        entry["url"] = endpoint.url
    except EndpointResolutionError as error:
        entry["error"] = error.kwargs["msg"]
    out.append(entry)
print(json.dumps({"generatedBy": "Tests/CloudControlTests/Fixtures/endpoints/generate.py with botocore " + botocore.__version__,
                  "cases": out}, indent=1))
