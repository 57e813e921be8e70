package user

import (
	"fmt"
	"strings"
)

// Operation is the API name of a user operation of the service (model
// 2017-08-08): CreateUser and the operations that change or delete a user
// after it. Its AWS CLI name is [Operation.CLIName].
type Operation string

// The user operations, in the order [Operations] lists them.
const (
	OperationCreateUser                 Operation = "CreateUser"
	OperationUpdateUserIdentityInfo     Operation = "UpdateUserIdentityInfo"
	OperationUpdateUserPhoneConfig      Operation = "UpdateUserPhoneConfig"
	OperationUpdateUserConfig           Operation = "UpdateUserConfig"
	OperationUpdateUserRoutingProfile   Operation = "UpdateUserRoutingProfile"
	OperationUpdateUserSecurityProfiles Operation = "UpdateUserSecurityProfiles"
	OperationUpdateUserHierarchy        Operation = "UpdateUserHierarchy"
	OperationTagResource                Operation = "TagResource"
	OperationUntagResource              Operation = "UntagResource"
	OperationDeleteUser                 Operation = "DeleteUser"
)

// operations holds every operation in the order of its bit in an opSet.
var operations = [...]Operation{
	OperationCreateUser,
	OperationUpdateUserIdentityInfo,
	OperationUpdateUserPhoneConfig,
	OperationUpdateUserConfig,
	OperationUpdateUserRoutingProfile,
	OperationUpdateUserSecurityProfiles,
	OperationUpdateUserHierarchy,
	OperationTagResource,
	OperationUntagResource,
	OperationDeleteUser,
}

// cliNames holds the AWS CLI name of each operation of operations.
var cliNames = [len(operations)]string{
	"create-user",
	"update-user-identity-info",
	"update-user-phone-config",
	"update-user-config",
	"update-user-routing-profile",
	"update-user-security-profiles",
	"update-user-hierarchy",
	"tag-resource",
	"untag-resource",
	"delete-user",
}

// Operations returns every user operation: CreateUser, the six
// UpdateUser operations, TagResource, UntagResource and DeleteUser. The
// slice is a new one.
func Operations() []Operation {
	out := make([]Operation, len(operations))
	copy(out, operations[:])
	return out
}

// ordinal returns the position of o in operations, or -1.
func (o Operation) ordinal() int {
	for i, op := range operations {
		if op == o {
			return i
		}
	}
	return -1
}

// Valid reports whether o is one of [Operations].
func (o Operation) Valid() bool { return o.ordinal() >= 0 }

// CLIName returns the operation's AWS CLI name, the command of
// `aws connect` ("update-user-phone-config" for UpdateUserPhoneConfig);
// "" for an operation that is not one of [Operations].
func (o Operation) CLIName() string {
	if i := o.ordinal(); i >= 0 {
		return cliNames[i]
	}
	return ""
}

// String returns the API name.
func (o Operation) String() string { return string(o) }

// ParseOperation returns the operation named s: its AWS CLI name
// ("update-user-phone-config") or its API name ("UpdateUserPhoneConfig"),
// both exact. Anything else is an error that lists the CLI names and, when
// s is close to one, suggests it.
func ParseOperation(s string) (Operation, error) {
	for i, op := range operations {
		if s == cliNames[i] || s == string(op) {
			return op, nil
		}
	}
	hint := ""
	if len(s) <= 64 {
		low := strings.ToLower(s)
		if h := suggest(low, cliNames[:]); h != "" {
			hint = h
		} else {
			for i, op := range operations {
				if low == strings.ToLower(string(op)) {
					hint = cliNames[i]
				}
			}
		}
	}
	msg := "unknown operation (want one of " + strings.Join(cliNames[:], ", ") + ")"
	if hint != "" {
		msg = "unknown operation; did you mean " + hint + "? (want one of " + strings.Join(cliNames[:], ", ") + ")"
	}
	return "", fmt.Errorf("%s", msg)
}

// opSet is a set of operations, one bit per position in operations.
type opSet uint16

const (
	opCreate opSet = 1 << iota
	opIdentityInfo
	opPhoneConfig
	opConfig
	opRoutingProfile
	opSecurityProfiles
	opHierarchy
	opTagResource
	opUntagResource
	opDelete
	opAll = 1<<len(operations) - 1
	// opUser: the operations with InstanceId and UserId.
	opUser = opIdentityInfo | opPhoneConfig | opConfig | opRoutingProfile | opSecurityProfiles | opHierarchy | opDelete
	// opInstance: the operations with InstanceId.
	opInstance = opCreate | opUser
	// opTagged: the operations with a user's resource ARN.
	opTagged = opTagResource | opUntagResource
)

// list returns the operations of s in the order of operations; nil for none.
func (s opSet) list() []Operation {
	var out []Operation
	for i, op := range operations {
		if s&(1<<i) != 0 {
			out = append(out, op)
		}
	}
	return out
}

// Members returns the members of the operation's request document, in
// the order of the service's model: what `aws connect CLI-NAME
// --cli-input-json` reads (InstanceId and UserId, which travel in the
// request path, among them); nil for an operation that is not one of
// [Operations]. The slice is a new one.
func (o Operation) Members() []string {
	if i := o.ordinal(); i >= 0 {
		return append([]string(nil), updateMembers[i]...)
	}
	return nil
}
