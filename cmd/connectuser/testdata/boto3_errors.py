"""Drive `connectuser serve` with boto3 and report, as one JSON object on
standard output, what each call gave: "ok", or the botocore exception class
raised, its error code and HTTP status. The Go test (serve_boto3_test.go)
compares the object with what the service's model says.

Usage: python3 boto3_errors.py URL THROTTLED_URL REGION

URL serves the state of writeServeState; THROTTLED_URL serves the demo
instances with --rate 0.001 --burst 1 (one request per operation, then
ThrottlingException). Retries are off, so every answer is seen as it is.
"""
import json
import sys

import boto3
from botocore.config import Config

CM = "40c83b68-ea62-414c-97bb-d018e39e158e"
AGENT = "12345678-1234-1234-1234-123456789012"
BASIC = "87654321-9876-9876-9876-210987654321"

url, throttled_url, region = sys.argv[1:4]
config = Config(retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=30)


def client(endpoint):
    return boto3.client("connect", endpoint_url=endpoint, region_name=region, config=config)


c = client(url)
raw_bodies = []


def keep_body(response_dict=None, **_):
    raw_bodies.append(response_dict.get("body", b""))


c.meta.events.register("before-parse.connect.CreateUser", keep_body)

results = {}


def request(username, **change):
    req = dict(
        InstanceId=CM,
        Username=username,
        Password="Sunrise2026Desk",
        IdentityInfo={"FirstName": "Bo", "LastName": "Toh"},
        PhoneConfig={"PhoneType": "SOFT_PHONE", "AutoAccept": False},
        SecurityProfileIds=[AGENT],
        RoutingProfileId=BASIC,
    )
    req.update(change)
    return req


def call(name, exception, fn, cl=c):
    """Run fn; record "ok" or the class, code and status of what it raised.
    exception names the modelled class expected, which must exist on the
    client."""
    cls = getattr(cl.exceptions, exception) if exception else None
    try:
        fn()
        results[name] = "ok"
    except Exception as e:  # noqa: BLE001 - every outcome is reported
        if cls is not None and isinstance(e, cls):
            err = e.response["Error"]
            results[name] = "%s %s %d" % (type(e).__name__, err["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"])
        else:
            results[name] = "unexpected %s" % type(e).__name__


call("create", None, lambda: c.create_user(**request("boto.user")))
call("duplicate", "DuplicateResourceException", lambda: c.create_user(**request("boto.user")))
call("catalog", "InvalidParameterException", lambda: c.create_user(**request("boto user")))
violations = json.loads(raw_bodies[-1]).get("Violations", [])
results["catalog violations"] = sorted("%s %s %s" % (v["field"], v["code"], v["severity"]) for v in violations)
call("unknown instance", "ResourceNotFoundException", lambda: c.create_user(**request("x1", InstanceId="00000000-0000-0000-0000-000000000000")))
call("unknown security profile", "ResourceNotFoundException", lambda: c.create_user(**request("x2", SecurityProfileIds=["nope"])))
call("quota", "LimitExceededException", lambda: c.create_user(**request("x3", InstanceId="full-instance")))
call("describe unknown user", "ResourceNotFoundException", lambda: c.describe_user(InstanceId=CM, UserId="nope"))
call("list bad max", "InvalidParameterException", lambda: c.list_users(InstanceId=CM, MaxResults=1000, NextToken="forged"))

t = client(throttled_url)
call("throttle first", None, lambda: t.describe_instance(InstanceId=CM), cl=t)
call("throttle other operation", None, lambda: t.list_users(InstanceId=CM), cl=t)
call("throttle again", "ThrottlingException", lambda: t.describe_instance(InstanceId=CM), cl=t)

print(json.dumps(results, sort_keys=True))
