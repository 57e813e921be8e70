package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

const skeletonUsage = `Usage: connectuser skeleton

Prints a request document template with every member of CreateUser, as
'aws connect create-user --generate-cli-skeleton' does, plus InstanceId:
empty strings, 0, true, the first value of each enum, one element in each
list and one tag. Fill in what you need, delete the rest (a member may not
be set both in PhoneConfig and in a channel-specific list), then check it:
  connectuser skeleton > new-user.json
  connectuser validate new-user.json
`

// skeleton is the template that `connectuser skeleton` prints: every
// member of the request document, in the order of the API reference.
// skeleton_test.go holds it against the request type, member by member.
const skeleton = `{
    "InstanceId": "",
    "Username": "",
    "Password": "",
    "IdentityInfo": {
        "FirstName": "",
        "LastName": "",
        "Email": "",
        "SecondaryEmail": "",
        "Mobile": ""
    },
    "PhoneConfig": {
        "PhoneType": "SOFT_PHONE",
        "AutoAccept": true,
        "AfterContactWorkTimeLimit": 0,
        "DeskPhoneNumber": "",
        "PersistentConnection": true
    },
    "DirectoryUserId": "",
    "SecurityProfileIds": [
        ""
    ],
    "RoutingProfileId": "",
    "HierarchyGroupId": "",
    "AutoAcceptConfigs": [
        {
            "Channel": "VOICE",
            "AutoAccept": true,
            "AgentFirstCallbackAutoAccept": true
        }
    ],
    "AfterContactWorkConfigs": [
        {
            "Channel": "VOICE",
            "AfterContactWorkConfig": {
                "AfterContactWorkTimeLimit": 0
            },
            "AgentFirstCallbackAfterContactWorkConfig": {
                "AfterContactWorkTimeLimit": 0
            }
        }
    ],
    "PhoneNumberConfigs": [
        {
            "Channel": "VOICE",
            "PhoneType": "SOFT_PHONE",
            "PhoneNumber": ""
        }
    ],
    "PersistentConnectionConfigs": [
        {
            "Channel": "VOICE",
            "PersistentConnection": true
        }
    ],
    "VoiceEnhancementConfigs": [
        {
            "Channel": "VOICE",
            "VoiceEnhancementMode": "VOICE_ISOLATION"
        }
    ],
    "Tags": {
        "KeyName": ""
    }
}
`

func runSkeleton(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("skeleton")
	rest, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, skeletonUsage)
		return exitOK
	}
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("unexpected argument %q", rest[0])
	}
	if err != nil {
		return usageError(stderr, "skeleton", err)
	}
	if _, err := io.WriteString(stdout, skeleton); err != nil {
		fmt.Fprintf(stderr, "connectuser skeleton: %v\n", err)
		return exitUsage
	}
	return exitOK
}
