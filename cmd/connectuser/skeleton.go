package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/connectkit/createuser/user"
)

const skeletonUsage = `Usage: connectuser skeleton [--operation NAME]

Prints a request document template with every member of CreateUser, as
'aws connect create-user --generate-cli-skeleton' does, plus InstanceId:
empty strings, 0, true, the first value of each enum, one element in each
list and one tag. Fill in what you need, delete the rest (a member may not
be set both in PhoneConfig and in a channel-specific list), then check it:
  connectuser skeleton > new-user.json
  connectuser validate new-user.json

Flags:
  --operation NAME
        The template of another user operation, by its AWS CLI name
        (create-user, the default, update-user-identity-info,
        update-user-phone-config, update-user-config,
        update-user-routing-profile, update-user-security-profiles,
        update-user-hierarchy, tag-resource, untag-resource, delete-user) or
        its API name: every member that 'aws connect NAME --cli-input-json'
        reads, InstanceId and UserId included.
          connectuser skeleton --operation update-user-phone-config > phone.json
          connectuser validate --operation update-user-phone-config phone.json
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
	opName := fs.String("operation", "create-user", "the operation of the template")
	rest, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, skeletonUsage)
		return exitOK
	}
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("unexpected argument %q", rest[0])
	}
	var op user.Operation
	if err == nil {
		if op, err = user.ParseOperation(*opName); err != nil {
			err = fmt.Errorf("--operation: %w", err)
		}
	}
	if err != nil {
		return usageError(stderr, "skeleton", err)
	}
	if _, err := io.WriteString(stdout, skeletonOf(op)); err != nil {
		fmt.Fprintf(stderr, "connectuser skeleton: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// updateSkeletonBlocks are the templates of the members that only the
// update operations have, as the CreateUser template writes its members.
var updateSkeletonBlocks = map[string]string{
	"UserId":      `    "UserId": ""`,
	"resourceArn": `    "resourceArn": ""`,
	"tags":        "    \"tags\": {\n        \"KeyName\": \"\"\n    }",
	"tagKeys":     "    \"tagKeys\": [\n        \"\"\n    ]",
}

// skeletonOf returns the template of op: CreateUser's, or the members of
// op's document (user.Operation.Members), each as CreateUser's template
// writes it.
func skeletonOf(op user.Operation) string {
	if op == user.OperationCreateUser {
		return skeleton
	}
	// The CreateUser template's members: each starts on a line indented
	// by four spaces and runs to the next.
	blocks := make(map[string]string)
	lines := strings.Split(strings.TrimSuffix(skeleton, "\n}\n"), "\n")[1:]
	for i := 0; i < len(lines); {
		name, _, _ := strings.Cut(strings.TrimPrefix(lines[i], `    "`), `"`)
		j := i + 1
		for j < len(lines) && strings.HasPrefix(lines[j], "     ") {
			j++
		}
		if j < len(lines) && strings.HasPrefix(lines[j], "    }") || j < len(lines) && strings.HasPrefix(lines[j], "    ]") {
			j++
		}
		blocks[name] = strings.TrimSuffix(strings.Join(lines[i:j], "\n"), ",")
		i = j
	}
	for name, b := range updateSkeletonBlocks {
		blocks[name] = b
	}
	members := op.Members()
	out := make([]string, len(members))
	for i, m := range members {
		out[i] = blocks[m]
	}
	return "{\n" + strings.Join(out, ",\n") + "\n}\n"
}
