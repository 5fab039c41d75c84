"""Blue/green with rollback (boto3 version)."""
import argparse
import json
import sys

import boto3

parser = argparse.ArgumentParser(description="Switch a parameter from the blue queue to a new green one.")
parser.add_argument("--param", required=True)
parser.add_argument("--green", required=True)
parser.add_argument("--fail", action="store_true")
options = parser.parse_args()

client = boto3.client("cloudcontrol")
waiter = client.get_waiter("resource_request_success")


def wait(request):
    token = request["ProgressEvent"]["RequestToken"]
    waiter.wait(RequestToken=token)
    return client.get_resource_request_status(RequestToken=token)["ProgressEvent"]


def parameter():
    described = client.get_resource(TypeName="AWS::SSM::Parameter", Identifier=options.param)
    return json.loads(described["ResourceDescription"]["Properties"])["Value"]


def set_parameter(value):
    patch = json.dumps([{"op": "replace", "path": "/Value", "value": value}])
    return wait(client.update_resource(TypeName="AWS::SSM::Parameter", Identifier=options.param, PatchDocument=patch))


blue = parameter()
green = None
switched = False
status = 0
try:
    green = wait(client.create_resource(TypeName="AWS::SQS::Queue",
                                        DesiredState=json.dumps({"QueueName": options.green})))["Identifier"]
    set_parameter(green)
    switched = True
    if options.fail:
        raise RuntimeError("CheckFailed: green did not answer")
    print(f"switched {options.param} from {blue} to {green}")
except (Exception, KeyboardInterrupt) as error:
    print(f"rolling back: {error}")
    if switched:
        set_parameter(blue)
    if green is not None:
        wait(client.delete_resource(TypeName="AWS::SQS::Queue", Identifier=green))
    if isinstance(error, KeyboardInterrupt):
        raise
    status = 1
finally:
    print(f"{options.param} = {parameter()}")
sys.exit(status)
