package connecttest_test

import (
	"encoding/json"
	"net/url"
	"testing"
	"time"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// The fixture of the update tests: the demo instances, two hierarchy
// groups in the CONNECT_MANAGED one, a user there ("u-ana") with settings on
// two channels, tags and a group, and an instance "other" with a user of
// its own ("u-other").
const (
	anaID   = "u-ana"
	otherID = "u-other"
	group1  = "g-1"
	group2  = "g-2"
)

func anaUser() connecttest.User {
	return connecttest.User{
		Id: anaID, Username: "ana", SecurityProfileIds: []string{agentSP}, RoutingProfileId: basicRP,
		IdentityInfo:      &identity.Info{FirstName: ptr(identity.Secret("Ana")), LastName: ptr(identity.Secret("Silva")), Email: ptr(identity.Secret("ana@example.com"))},
		HierarchyGroupId:  ptr(group1),
		AutoAcceptConfigs: []channel.AutoAcceptConfig{{Channel: channel.Chat, AutoAccept: ptr(false)}},
		AfterContactWorkConfigs: []channel.AfterContactWorkConfig{
			{Channel: channel.Voice, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: ptr(int64(20))},
				AgentFirstCallbackAfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: ptr(int64(5))}},
			{Channel: channel.Chat, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: ptr(int64(30))}},
		},
		Tags: map[string]string{"team": "blue"},
	}
}

// newUpdateServer starts the fixture's server with a clock that moves one
// second at each reading, so that every write has a LastModifiedTime of its
// own.
func newUpdateServer(t *testing.T, opts ...connecttest.Option) *connecttest.Server {
	t.Helper()
	srv := connecttest.NewServer(opts...)
	t.Cleanup(srv.Close)
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	connecttest.SetClock(srv, func() time.Time { clock = clock.Add(time.Second); return clock })
	demo := srv.AddDemoInstances()
	st := srv.State()
	for i := range st.Instances {
		if st.Instances[i].Id == cmInstance {
			st.Instances[i].HierarchyGroups = []connecttest.HierarchyGroup{{Id: group1, Name: "EMEA"}, {Id: group2, Name: "Berlin", ParentId: group1}}
			st.Instances[i].Users = []connecttest.User{anaUser()}
		}
	}
	other := demo[0]
	other.Id, other.Alias = "other", "other"
	other.Users = []connecttest.User{{Id: otherID, Username: "olga", SecurityProfileIds: []string{agentSP}, RoutingProfileId: basicRP}}
	st.Instances = append(st.Instances, other)
	if err := srv.Load(st); err != nil {
		t.Fatal(err)
	}
	return srv
}

// userARN is the ARN of a user of the server.
func userARN(srv *connecttest.Server, instance, id string) string {
	return "arn:aws:connect:" + srv.Region() + ":" + srv.Account() + ":instance/" + instance + "/agent/" + id
}

// sendRequest sends a typed request as a client does: its method and path,
// its JSON as the body (the path members in it are ignored by the server),
// UntagResource's keys in the query.
func sendRequest(t *testing.T, srv *connecttest.Server, req user.Request) rawAnswer {
	t.Helper()
	r := req.(interface {
		Method() string
		RequestPath() string
	})
	path := r.RequestPath()
	var body []byte
	switch in := req.(type) {
	case *user.UntagResourceInput:
		if len(in.TagKeys) > 0 {
			path += "?" + url.Values{"tagKeys": in.TagKeys}.Encode()
		}
	case *user.DeleteUserInput:
	default:
		b, err := json.Marshal(req)
		if err != nil {
			t.Fatal(err)
		}
		body = b
	}
	contentType := ""
	if body != nil {
		contentType = "application/json"
	}
	return send(t, srv, r.Method(), path, contentType, signed, body)
}
