package connecttest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// serveRequest answers a typed request in process (the server's handler,
// without a connection): its status and error type.
func serveRequest(srv *connecttest.Server, req user.Request) (int, string, []byte) {
	r := req.(interface {
		Method() string
		RequestPath() string
	})
	target := r.RequestPath()
	var body io.Reader = http.NoBody
	switch in := req.(type) {
	case *user.UntagResourceInput:
		if len(in.TagKeys) > 0 {
			target += "?" + url.Values{"tagKeys": in.TagKeys}.Encode()
		}
	case *user.DeleteUserInput:
	default:
		b, _ := json.Marshal(req)
		body = bytes.NewReader(b)
	}
	hr := httptest.NewRequest(r.Method(), target, body)
	hr.Header.Set("Authorization", signed)
	hr.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, hr)
	return rec.Code, rec.Header().Get("x-amzn-ErrorType"), rec.Body.Bytes()
}

// model is the reference of what the update operations do to a stored
// user, written from the service's documented semantics independently of
// the server: it answers the status a request gets and changes the user
// as a successful one does.
func model(u *connecttest.User, req user.Request, refused bool) int {
	if refused {
		return http.StatusBadRequest
	}
	switch in := req.(type) {
	case *user.UpdateUserIdentityInfoInput:
		u.IdentityInfo = in.IdentityInfo
	case *user.UpdateUserPhoneConfigInput:
		u.PhoneConfig = in.PhoneConfig
		var limit int64
		if in.PhoneConfig.AfterContactWorkTimeLimit != nil {
			limit = *in.PhoneConfig.AfterContactWorkTimeLimit
		}
		for i := range u.AfterContactWorkConfigs {
			u.AfterContactWorkConfigs[i].AfterContactWorkConfig = &channel.AfterContactWork{AfterContactWorkTimeLimit: ptr(limit)}
		}
	case *user.UpdateUserConfigInput:
		u.AutoAcceptConfigs = replaceChannels(u.AutoAcceptConfigs, in.AutoAcceptConfigs, func(c channel.AutoAcceptConfig) channel.Channel { return c.Channel })
		u.AfterContactWorkConfigs = replaceChannels(u.AfterContactWorkConfigs, in.AfterContactWorkConfigs, func(c channel.AfterContactWorkConfig) channel.Channel { return c.Channel })
		u.PhoneNumberConfigs = replaceChannels(u.PhoneNumberConfigs, in.PhoneNumberConfigs, func(c channel.PhoneNumberConfig) channel.Channel { return c.Channel })
		u.PersistentConnectionConfigs = replaceChannels(u.PersistentConnectionConfigs, in.PersistentConnectionConfigs, func(c channel.PersistentConnectionConfig) channel.Channel { return c.Channel })
		u.VoiceEnhancementConfigs = replaceChannels(u.VoiceEnhancementConfigs, in.VoiceEnhancementConfigs, func(c channel.VoiceEnhancementConfig) channel.Channel { return c.Channel })
	case *user.UpdateUserRoutingProfileInput:
		u.RoutingProfileId = in.RoutingProfileId
	case *user.UpdateUserSecurityProfilesInput:
		u.SecurityProfileIds = slices.Clone(in.SecurityProfileIds)
	case *user.UpdateUserHierarchyInput:
		u.HierarchyGroupId = in.HierarchyGroupId
	case *user.TagResourceInput:
		merged := map[string]string{}
		for k, v := range u.Tags {
			merged[k] = v
		}
		for k, v := range in.Tags {
			merged[k] = v
		}
		if len(merged) > 50 {
			return http.StatusBadRequest
		}
		u.Tags = merged
	case *user.UntagResourceInput:
		for _, k := range in.TagKeys {
			delete(u.Tags, k)
		}
		if len(u.Tags) == 0 {
			u.Tags = nil
		}
	}
	return http.StatusOK
}

// replaceChannels: the entry of each channel given replaces the stored one
// of that channel where it is, or comes last.
func replaceChannels[T any](stored, given []T, ch func(T) channel.Channel) []T {
	out := slices.Clone(stored)
	for _, g := range given {
		if i := slices.IndexFunc(out, func(s T) bool { return ch(s) == ch(g) }); i >= 0 {
			out[i] = g
		} else {
			out = append(out, g)
		}
	}
	return out
}

// described is the user as DescribeUser must give it: the model with the
// service's defaults, in wire JSON.
func described(t *testing.T, u connecttest.User) map[string]any {
	pc := user.PhoneConfig{}
	if u.PhoneConfig != nil {
		pc = *u.PhoneConfig
	}
	if pc.PhoneType == nil {
		pc.PhoneType = ptr(channel.SoftPhone)
	}
	if pc.AutoAccept == nil {
		pc.AutoAccept = ptr(false)
	}
	if pc.AfterContactWorkTimeLimit == nil {
		pc.AfterContactWorkTimeLimit = ptr(int64(0))
	}
	if pc.DeskPhoneNumber == nil {
		pc.DeskPhoneNumber = ptr(identity.Secret(""))
	}
	u.PhoneConfig = &pc
	if u.Tags == nil {
		u.Tags = map[string]string{}
	}
	return jsonMap(t, u)
}

func jsonMap(t *testing.T, v any) map[string]any {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// propFixture is the server of the properties and the references its
// CONNECT_MANAGED and SAML instances have.
func propFixture(t *testing.T) (*connecttest.Server, connecttest.State, refs) {
	srv := newUpdateServer(t)
	st := srv.State()
	var rf refs
	for _, in := range st.Instances {
		if in.Id == cmInstance {
			for _, p := range in.SecurityProfiles {
				rf.securityProfiles = append(rf.securityProfiles, p.Id)
			}
			rf.routingProfiles = []string{in.RoutingProfiles[0].Id}
			rf.groups = []string{group1, group2}
		}
	}
	// The SAML instance gets the same groups, so that one set of
	// references serves both.
	for i := range st.Instances {
		if st.Instances[i].Id == samlInstance {
			st.Instances[i].HierarchyGroups = []connecttest.HierarchyGroup{{Id: group1, Name: "EMEA"}, {Id: group2, Name: "Berlin", ParentId: group1}}
		}
	}
	return srv, st, rf
}

// seedUser loads st with u added to instance and returns u as stored.
func seedUser(t *testing.T, srv *connecttest.Server, st connecttest.State, instance string, u connecttest.User) connecttest.User {
	st = cloneState(t, st)
	for i := range st.Instances {
		if st.Instances[i].Id == instance {
			st.Instances[i].Users = append(st.Instances[i].Users, u)
		}
	}
	if err := srv.Load(st); err != nil {
		t.Fatal(err)
	}
	stored, _ := srv.User(instance, u.Id)
	return stored
}

func cloneState(t *testing.T, st connecttest.State) connecttest.State {
	var buf bytes.Buffer
	if err := st.Write(&buf); err != nil {
		t.Fatal(err)
	}
	out, err := connecttest.LoadState(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPropertyUpdatesFollowTheModel: for a random user and a random
// sequence of updates, every answer's status is the model's, the stored
// user is the model's, and DescribeUser gives the model's user with the
// service's defaults.
func TestPropertyUpdatesFollowTheModel(t *testing.T) {
	srv, st, rf := propFixture(t)
	rf.valid = true
	validators := map[string]*user.Validator{
		cmInstance:   user.NewValidator(user.WithIdentityManagement(identity.ConnectManaged)),
		samlInstance: user.NewValidator(user.WithIdentityManagement(identity.SAML)),
	}
	props := gopter.NewProperties(propParameters(t))
	props.Property("DescribeUser equals the reference model after each update", prop.ForAll(
		func(seed uint64, steps int) string {
			g := newGen(seed, 25) // mostly valid: most updates change the user
			instance := pick(g, cmInstance, samlInstance)
			want := seedUser(t, srv, st, instance, g.startUser(rf))
			for i := range steps {
				req := g.request(srv, instance, want.Id, rf)
				refused := validators[instance].ValidateRequest(req).HasErrors()
				wantStatus := model(&want, req, refused)
				status, errType, body := serveRequest(srv, req)
				if status != wantStatus || (status == 400 && errType != connecttest.ErrInvalidParameter) {
					return fmt.Sprintf("step %d %s: %d %s, want %d (%s)", i, req.Operation(), status, errType, wantStatus, body)
				}
				got, _ := srv.User(instance, want.Id)
				if diff := cmp.Diff(want, got); diff != "" {
					return fmt.Sprintf("step %d %s: stored user (-model +server):\n%s", i, req.Operation(), diff)
				}
			}
			status, _, body := serveRequest(srv, &describeRequest{instance, want.Id})
			if status != 200 {
				return fmt.Sprintf("DescribeUser: %d %s", status, body)
			}
			var out struct{ User map[string]any }
			if err := json.Unmarshal(body, &out); err != nil {
				return err.Error()
			}
			for _, k := range []string{"Arn", "LastModifiedTime", "LastModifiedRegion"} {
				delete(out.User, k)
			}
			if diff := cmp.Diff(described(t, want), out.User); diff != "" {
				return "DescribeUser (-model +server):\n" + diff
			}
			return ""
		},
		gen.UInt64(), gen.IntRange(1, 12),
	))
	runProperties(t, props)
}

// TestPropertyCatalogDecides400: an update that the catalog accepts under
// the instance's identity type is never refused with 400, and one that it
// refuses (an error) always is, with InvalidParameterException.
func TestPropertyCatalogDecides400(t *testing.T) {
	srv, st, rf := propFixture(t)
	validators := map[string]*user.Validator{
		cmInstance:   user.NewValidator(user.WithIdentityManagement(identity.ConnectManaged)),
		samlInstance: user.NewValidator(user.WithIdentityManagement(identity.SAML)),
	}
	props := gopter.NewProperties(propParameters(t))
	props.Property("400 if and only if the catalog finds an error", prop.ForAll(
		func(seed uint64) string {
			g := newGen(seed, 4) // refusals as often as acceptances
			instance := pick(g, cmInstance, samlInstance)
			start := g.startUser(rf)
			start.Tags = nil // no tag limit reached by a merge: the state's, not the request's
			stored := seedUser(t, srv, st, instance, start)
			req := g.request(srv, instance, stored.Id, rf)
			list := validators[instance].ValidateRequest(req)
			status, errType, body := serveRequest(srv, req)
			switch {
			case list.HasErrors() && (status != 400 || errType != connecttest.ErrInvalidParameter):
				return fmt.Sprintf("%s: the catalog refuses (%v), the service answered %d %s", req.Operation(), list.Errors(), status, errType)
			case !list.HasErrors() && status == 400:
				return fmt.Sprintf("%s: the catalog accepts, the service answered 400 %s (%s)", req.Operation(), errType, body)
			case !list.HasErrors() && status != 200 && status != 404:
				return fmt.Sprintf("%s: %d %s", req.Operation(), status, body)
			}
			return ""
		},
		gen.UInt64(),
	))
	runProperties(t, props)
}

// describeRequest is DescribeUser, for serveRequest.
type describeRequest struct{ instance, id string }

func (*describeRequest) Operation() user.Operation { return "DescribeUser" }
func (*describeRequest) Method() string            { return http.MethodGet }
func (d *describeRequest) RequestPath() string {
	return "/users/" + url.PathEscape(d.instance) + "/" + url.PathEscape(d.id)
}

// runProperties runs props, failing t with each falsified property's
// message and arguments.
func runProperties(t *testing.T, props *gopter.Properties) {
	t.Helper()
	props.TestingRun(t)
}
