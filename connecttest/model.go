package connecttest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// Resource is a security profile or a routing profile of an instance.
type Resource struct {
	// Id is the profile's identifier, unique among the profiles of its
	// kind in the instance.
	Id string `json:"Id"`
	// Name is the profile's name, unique (case-sensitively) among the
	// profiles of its kind in the instance.
	Name string `json:"Name"`
}

// HierarchyGroup is an agent hierarchy group. Groups form a tree of at
// most five levels: a group at the top level has ParentId "".
type HierarchyGroup struct {
	// Id is the group's identifier, unique in the instance.
	Id string `json:"Id"`
	// Name is the group's name.
	Name string `json:"Name"`
	// ParentId is the identifier of the group above it, "" at the top
	// level.
	ParentId string `json:"ParentId"`
}

// User is a user as the service keeps it: its identifier, then the members
// of the CreateUser request that created it less InstanceId and Password
// (the service keeps no password that it gives back, and neither does the
// local service). Security profile, routing profile and hierarchy group
// identifiers are held as identifiers even when the request gave ARNs.
// The JSON names are the wire names.
type User struct {
	// Id is the user's identifier, a random UUID given by CreateUser.
	Id string `json:"Id"`
	// Username is the user's login name, unique in the instance
	// (case-sensitively).
	Username string `json:"Username"`
	// IdentityInfo is the user's personal data, as sent.
	IdentityInfo *identity.Info `json:"IdentityInfo,omitempty"`
	// PhoneConfig is as sent.
	PhoneConfig *user.PhoneConfig `json:"PhoneConfig,omitempty"`
	// DirectoryUserId is as sent.
	DirectoryUserId *string `json:"DirectoryUserId,omitempty"`
	// SecurityProfileIds are identifiers of the instance's security
	// profiles.
	SecurityProfileIds []string `json:"SecurityProfileIds,omitzero"`
	// RoutingProfileId is the identifier of one of the instance's routing
	// profiles.
	RoutingProfileId string `json:"RoutingProfileId,omitempty"`
	// HierarchyGroupId is the identifier of one of the instance's
	// hierarchy groups.
	HierarchyGroupId *string `json:"HierarchyGroupId,omitempty"`
	// AutoAcceptConfigs is as sent.
	AutoAcceptConfigs []channel.AutoAcceptConfig `json:"AutoAcceptConfigs,omitzero"`
	// AfterContactWorkConfigs is as sent.
	AfterContactWorkConfigs []channel.AfterContactWorkConfig `json:"AfterContactWorkConfigs,omitzero"`
	// PhoneNumberConfigs is as sent.
	PhoneNumberConfigs []channel.PhoneNumberConfig `json:"PhoneNumberConfigs,omitzero"`
	// PersistentConnectionConfigs is as sent.
	PersistentConnectionConfigs []channel.PersistentConnectionConfig `json:"PersistentConnectionConfigs,omitzero"`
	// VoiceEnhancementConfigs is as sent.
	VoiceEnhancementConfigs []channel.VoiceEnhancementConfig `json:"VoiceEnhancementConfigs,omitzero"`
	// Tags is as sent.
	Tags map[string]string `json:"Tags,omitzero"`
}

// Instance is a Connect Customer instance with everything the local
// service keeps about it.
type Instance struct {
	// Id is the instance's identifier.
	Id string `json:"Id"`
	// Alias is the instance's alias (InstanceAlias on the wire).
	Alias string `json:"Alias"`
	// IdentityManagementType decides which rules CreateUser applies.
	IdentityManagementType identity.Type `json:"IdentityManagementType"`
	// UserQuota is the most users the instance holds; 0 means no limit.
	UserQuota int `json:"UserQuota"`
	// SecurityProfiles are the instance's security profiles.
	SecurityProfiles []Resource `json:"SecurityProfiles"`
	// RoutingProfiles are the instance's routing profiles.
	RoutingProfiles []Resource `json:"RoutingProfiles"`
	// HierarchyGroups are the instance's agent hierarchy groups.
	HierarchyGroups []HierarchyGroup `json:"HierarchyGroups"`
	// Users are the instance's users, ordered by Username.
	Users []User `json:"Users"`
}

// State is everything a Server holds: the format of `connectuser serve
// --state` and `--save`.
type State struct {
	// Instances in the order in which they were added.
	Instances []Instance `json:"Instances"`
}

// LoadState reads a State written by State.Write (or by hand). A member
// that the format does not have, a value of the wrong JSON type or a second
// JSON value is an error; dangling identifiers are found by Server.Load.
func LoadState(r io.Reader) (State, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var st State
	if err := dec.Decode(&st); err != nil {
		return State{}, fmt.Errorf("connecttest: reading state: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return State{}, errors.New("connecttest: reading state: more than one JSON value")
	}
	return st, nil
}

// Write writes st as indented JSON, the format LoadState reads. The state
// holds the users' personal data as sent (but no password): treat the file
// as you would the instance.
func (st State) Write(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(st); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// userFromInput keeps the members of in that the service keeps.
func userFromInput(id string, in *user.CreateUserInput) User {
	return User{
		Id:                          id,
		Username:                    in.Username,
		IdentityInfo:                in.IdentityInfo,
		PhoneConfig:                 in.PhoneConfig,
		DirectoryUserId:             in.DirectoryUserId,
		SecurityProfileIds:          in.SecurityProfileIds,
		RoutingProfileId:            in.RoutingProfileId,
		HierarchyGroupId:            in.HierarchyGroupId,
		AutoAcceptConfigs:           in.AutoAcceptConfigs,
		AfterContactWorkConfigs:     in.AfterContactWorkConfigs,
		PhoneNumberConfigs:          in.PhoneNumberConfigs,
		PersistentConnectionConfigs: in.PersistentConnectionConfigs,
		VoiceEnhancementConfigs:     in.VoiceEnhancementConfigs,
		Tags:                        in.Tags,
	}
}

// input returns the members of u as a request (without password).
func (u *User) input() *user.CreateUserInput {
	return &user.CreateUserInput{
		Username:                    u.Username,
		IdentityInfo:                u.IdentityInfo,
		PhoneConfig:                 u.PhoneConfig,
		DirectoryUserId:             u.DirectoryUserId,
		SecurityProfileIds:          u.SecurityProfileIds,
		RoutingProfileId:            u.RoutingProfileId,
		HierarchyGroupId:            u.HierarchyGroupId,
		AutoAcceptConfigs:           u.AutoAcceptConfigs,
		AfterContactWorkConfigs:     u.AfterContactWorkConfigs,
		PhoneNumberConfigs:          u.PhoneNumberConfigs,
		PersistentConnectionConfigs: u.PersistentConnectionConfigs,
		VoiceEnhancementConfigs:     u.VoiceEnhancementConfigs,
		Tags:                        u.Tags,
	}
}

// clone returns a deep copy of u.
func (u *User) clone() User {
	return userFromInput(u.Id, u.input().Clone())
}

// clone returns a deep copy of in.
func (in *Instance) clone() Instance {
	out := *in
	out.SecurityProfiles = append([]Resource(nil), in.SecurityProfiles...)
	out.RoutingProfiles = append([]Resource(nil), in.RoutingProfiles...)
	out.HierarchyGroups = append([]HierarchyGroup(nil), in.HierarchyGroups...)
	if in.Users != nil {
		out.Users = make([]User, len(in.Users))
		for i := range in.Users {
			out.Users[i] = in.Users[i].clone()
		}
	}
	return out
}
