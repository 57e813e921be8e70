package connecttest_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connectkit/createuser/connecttest"
)

// FuzzServe sends arbitrary methods, paths, media types and bodies to the
// server and checks that every answer is a well-formed success or service
// error (status, x-amzn-ErrorType, {"Message": ...}, x-amzn-RequestId), that
// nothing panics, and that the state stays consistent (usernames unique in
// each instance, at most 50 tags on a user).
func FuzzServe(f *testing.F) {
	docs, _ := filepath.Glob("../examples/documents/*.json")
	for _, d := range docs {
		data, err := os.ReadFile(d)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(0), "/users/"+cmInstance, "application/json", data, true)
		f.Add(uint8(0), "/users/"+url.PathEscape("arn:aws:connect:us-east-1:123456789012:instance/"+samlInstance), "application/json", data, true)
	}
	f.Add(uint8(0), "/users/"+cmInstance, "application/json", []byte(validBody), true)
	f.Add(uint8(0), "/users/"+cmInstance, "", []byte(`{"Username":7}`), true)
	f.Add(uint8(1), "/users/"+cmInstance+"/nope", "", []byte(nil), true)
	f.Add(uint8(2), "/users/"+cmInstance+"/nope", "", []byte(nil), true)
	f.Add(uint8(1), "/users-summary/"+cmInstance+"?maxResults=2&nextToken=x", "", []byte(nil), true)
	f.Add(uint8(3), "/search-users", "application/json", []byte(`{"InstanceId":"`+cmInstance+`","SearchCriteria":{"OrConditions":[{"StringCondition":{"FieldName":"Username","Value":"a","ComparisonType":"CONTAINS"}},{"AndConditions":[]}]}}`), true)
	f.Add(uint8(1), "/instance?maxResults=10", "", []byte(nil), true)
	f.Add(uint8(1), "/user-hierarchy-groups/"+cmInstance+"/g", "", []byte(nil), true)
	f.Add(uint8(1), "/security-profiles-summary/"+cmInstance, "", []byte(nil), false)
	f.Add(uint8(4), "/%zz", "text/plain", []byte("\xff"), true)
	// The update operations (method 3 is POST, 2 DELETE), on the user
	// that the fuzz target seeds.
	fuzzUser := "/users/" + cmInstance + "/" + fuzzUserID
	fuzzARN := url.PathEscape("arn:aws:connect:us-east-1:123456789012:instance/" + cmInstance + "/agent/" + fuzzUserID)
	f.Add(uint8(3), fuzzUser+"/identity-info", "application/json", []byte(`{"IdentityInfo":{"FirstName":"Ana","LastName":"Silva","Email":"a@example.com"}}`), true)
	f.Add(uint8(3), fuzzUser+"/phone-config", "application/json", []byte(`{"PhoneConfig":{"PhoneType":"DESK_PHONE","DeskPhoneNumber":"+15555550100","AfterContactWorkTimeLimit":30}}`), true)
	f.Add(uint8(3), fuzzUser+"/config", "application/json", []byte(`{"AutoAcceptConfigs":[{"Channel":"CHAT","AutoAccept":true}],"AfterContactWorkConfigs":[{"Channel":"VOICE","AfterContactWorkConfig":{"AfterContactWorkTimeLimit":5}}]}`), true)
	f.Add(uint8(3), fuzzUser+"/routing-profile", "application/json", []byte(`{"RoutingProfileId":"87654321-9876-9876-9876-210987654321"}`), true)
	f.Add(uint8(3), fuzzUser+"/security-profiles", "application/json", []byte(`{"SecurityProfileIds":["12345678-1234-1234-1234-123456789012","gone"]}`), true)
	f.Add(uint8(3), fuzzUser+"/hierarchy", "application/json", []byte(`{}`), true)
	f.Add(uint8(3), fuzzUser+"/hierarchy", "application/json", []byte(`{"HierarchyGroupId":7}`), true)
	f.Add(uint8(3), "/tags/"+fuzzARN, "application/json", []byte(`{"tags":{"team":"blue","aws:x":"y"}}`), true)
	f.Add(uint8(2), "/tags/"+fuzzARN+"?tagKeys=team&tagKeys=never", "", []byte(nil), true)
	f.Add(uint8(2), fuzzUser, "", []byte(nil), true)

	srv := connecttest.NewServer()
	defer srv.Close()
	srv.AddDemoInstances()
	if err := srv.AddUser(cmInstance, connecttest.User{Id: fuzzUserID, Username: "fuzz.user",
		SecurityProfileIds: []string{agentSP}, RoutingProfileId: basicRP, Tags: map[string]string{"team": "red"}}); err != nil {
		f.Fatal(err)
	}
	methods := []string{"PUT", "GET", "DELETE", "POST", "PATCH", "HEAD"}
	known := map[string]int{
		connecttest.ErrResourceNotFound: 404, connecttest.ErrInvalidParameter: 400, connecttest.ErrDuplicateResource: 409,
		connecttest.ErrLimitExceeded: 429, connecttest.ErrThrottling: 429, connecttest.ErrInternalService: 500,
		connecttest.ErrSerialization: 400, connecttest.ErrUnknownOperation: 404, connecttest.ErrMissingAuthentication: 403,
		connecttest.ErrRequestEntityTooLarge: 413, connecttest.ErrUnsupportedMediaType: 415,
	}
	f.Fuzz(func(t *testing.T, method uint8, target, contentType string, body []byte, auth bool) {
		u, err := url.ParseRequestURI(target)
		if err != nil || u.Host != "" || u.Scheme != "" {
			return
		}
		req := &http.Request{
			Method: methods[int(method)%len(methods)], URL: u, RequestURI: target, Header: http.Header{},
			Body: httptestBody(body), ContentLength: int64(len(body)), Host: "127.0.0.1",
		}
		req = req.WithContext(t.Context())
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		if auth {
			req.Header.Set("Authorization", signed)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		res := rec.Result()
		if len(res.Header.Get("x-amzn-RequestId")) != 36 {
			t.Fatalf("no x-amzn-RequestId")
		}
		errType := res.Header.Get("x-amzn-ErrorType")
		b := rec.Body.Bytes()
		if res.StatusCode == 200 {
			if errType != "" {
				t.Fatalf("200 with x-amzn-ErrorType %s", errType)
			}
			if len(b) > 0 && (!json.Valid(b) || b[0] != '{') {
				t.Fatalf("200 with body %q", b)
			}
			return
		}
		if want, ok := known[errType]; !ok || want != res.StatusCode {
			t.Fatalf("status %d with x-amzn-ErrorType %q", res.StatusCode, errType)
		}
		var e struct {
			Message    *string
			Violations []json.RawMessage
		}
		if err := json.Unmarshal(b, &e); err != nil || e.Message == nil || !bytes.HasPrefix(bytes.TrimSpace(b), []byte("{")) {
			t.Fatalf("error body %q", b)
		}
		if len(e.Violations) > 0 && errType != connecttest.ErrInvalidParameter {
			t.Fatalf("Violations in a %s", errType)
		}
		for _, in := range srv.State().Instances {
			seen := map[string]bool{}
			for _, u := range in.Users {
				if len(u.Tags) > 50 {
					t.Fatalf("%d tags on a user", len(u.Tags))
				}
				if seen[u.Username] {
					t.Fatalf("username twice in %s", in.Id)
				}
				seen[u.Username] = true
			}
		}
	})
}

// fuzzUserID is the user FuzzServe seeds, which the update seeds name.
const fuzzUserID = "fuzz-user"

// httptestBody wraps a body for a hand-made request.
func httptestBody(b []byte) *readCloser { return &readCloser{strings.NewReader(string(b))} }

type readCloser struct{ *strings.Reader }

func (readCloser) Close() error { return nil }
