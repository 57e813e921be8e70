"""Drive every update operation of a user with boto3 against
`connectuser serve` and report, as one JSON object on standard output,
what each call gave ("ok", or the botocore exception class raised, its
error code and HTTP status) and the user as describe_user and search_users
give it back afterwards. The Go test (serve_boto3_test.go) compares the
object with what the service's model and documentation say.

Usage: python3 boto3_updates.py URL REGION

URL serves the state of writeUpdateState. Retries are off, so every answer
is seen as it is.
"""
import json
import sys

import boto3
from botocore.config import Config

CM = "40c83b68-ea62-414c-97bb-d018e39e158e"
AGENT = "12345678-1234-1234-1234-123456789012"
MANAGER = "22345678-1234-1234-1234-123456789012"
BASIC = "87654321-9876-9876-9876-210987654321"
GROUP = "e1e1e1e1-0000-4000-8000-000000000001"

url, region = sys.argv[1:3]
config = Config(retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=30)
c = boto3.client("connect", endpoint_url=url, region_name=region, config=config)
results = {}


def call(name, exception, fn):
    """Run fn; record "ok" or the class, code and status of what it raised.
    exception names the modelled class expected, which must exist on the
    client."""
    cls = getattr(c.exceptions, exception) if exception else None
    try:
        fn()
        results[name] = "ok"
    except Exception as e:  # noqa: BLE001 - every outcome is reported
        if cls is not None and isinstance(e, cls):
            err = e.response["Error"]
            results[name] = "%s %s %d" % (type(e).__name__, err["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"])
        else:
            results[name] = "unexpected %s" % type(e).__name__


created = c.create_user(
    InstanceId=CM, Username="boto.updates", Password="Sunrise2026Desk",
    IdentityInfo={"FirstName": "Bo", "LastName": "Toh"}, PhoneConfig={"PhoneType": "SOFT_PHONE"},
    SecurityProfileIds=[AGENT], RoutingProfileId=BASIC, Tags={"team": "blue"},
    AfterContactWorkConfigs=[{"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 15}}],
)
uid, arn = created["UserId"], created["UserArn"]
ids = dict(InstanceId=CM, UserId=uid)

call("identity info", None, lambda: c.update_user_identity_info(IdentityInfo={"FirstName": "Ada", "LastName": "Lovelace"}, **ids))
call("phone config", None, lambda: c.update_user_phone_config(PhoneConfig={"PhoneType": "SOFT_PHONE", "AutoAccept": True, "AfterContactWorkTimeLimit": 45}, **ids))
call("config", None, lambda: c.update_user_config(VoiceEnhancementConfigs=[{"Channel": "VOICE", "VoiceEnhancementMode": "NOISE_SUPPRESSION"}], **ids))
call("routing profile", None, lambda: c.update_user_routing_profile(RoutingProfileId=BASIC, **ids))
call("security profiles", None, lambda: c.update_user_security_profiles(SecurityProfileIds=[MANAGER], **ids))
call("hierarchy", None, lambda: c.update_user_hierarchy(HierarchyGroupId=GROUP, **ids))
call("hierarchy cleared", None, lambda: c.update_user_hierarchy(**ids))
call("tag", None, lambda: c.tag_resource(resourceArn=arn, tags={"site": "porto", "team": "green"}))
call("untag", None, lambda: c.untag_resource(resourceArn=arn, tagKeys=["team", "never"]))

call("unknown user", "ResourceNotFoundException", lambda: c.update_user_hierarchy(InstanceId=CM, UserId="nobody"))
call("user of another instance", "ResourceNotFoundException", lambda: c.update_user_hierarchy(InstanceId=CM, UserId="seeded-user"))
call("unknown routing profile", "ResourceNotFoundException", lambda: c.update_user_routing_profile(RoutingProfileId="gone", **ids))
call("unknown group", "ResourceNotFoundException", lambda: c.update_user_hierarchy(HierarchyGroupId="gone", **ids))
call("catalog", "InvalidParameterException", lambda: c.update_user_phone_config(PhoneConfig={"PhoneType": "DESK_PHONE", "DeskPhoneNumber": "12"}, **ids))
call("reserved tag key", "InvalidParameterException", lambda: c.tag_resource(resourceArn=arn, tags={"aws:x": "y"}))
call("51 tags", "InvalidParameterException", lambda: c.tag_resource(resourceArn=arn, tags={"k%02d" % i: "v" for i in range(50)}))
call("untag unknown user", "ResourceNotFoundException", lambda: c.untag_resource(resourceArn=arn.replace(uid, "nobody"), tagKeys=["a"]))

user = c.describe_user(**ids)["User"]
for k in ("Arn", "LastModifiedTime", "LastModifiedRegion"):
    user.pop(k, None)
user["Id"] = "ID"
results["described"] = user
found = c.search_users(InstanceId=CM)["Users"]
results["searched"] = {
    "IdentityInfo": found[0].get("IdentityInfo"),
    "PhoneConfig": found[0].get("PhoneConfig"),
    "AfterContactWorkConfigs": found[0].get("AfterContactWorkConfigs"),
}

call("delete", None, lambda: c.delete_user(**ids))
call("describe deleted", "ResourceNotFoundException", lambda: c.describe_user(**ids))
call("name free again", None, lambda: c.create_user(
    InstanceId=CM, Username="boto.updates", Password="Sunrise2026Desk",
    IdentityInfo={"FirstName": "Bo", "LastName": "Again"}, PhoneConfig={"PhoneType": "SOFT_PHONE"},
    SecurityProfileIds=[AGENT], RoutingProfileId=BASIC))

print(json.dumps(results, sort_keys=True))
