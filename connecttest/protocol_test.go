package connecttest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/connecttest"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// signed is an Authorization header of the SigV4 form; the server does
// not check the signature.
const signed = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/connect/aws4_request, SignedHeaders=host, Signature=0"

// validBody is a valid CONNECT_MANAGED CreateUser body for the demo
// instance.
const validBody = `{"Username":"raw.user","Password":"Sunrise2026Desk","IdentityInfo":{"FirstName":"Ana","LastName":"Silva","Email":"ana@example.com"},"SecurityProfileIds":["12345678-1234-1234-1234-123456789012"],"RoutingProfileId":"87654321-9876-9876-9876-210987654321"}`

// rawAnswer is an answer as the wire carries it.
type rawAnswer struct {
	status    int
	errorType string
	requestID string
	body      []byte
}

func send(t *testing.T, srv *connecttest.Server, method, path, contentType, auth string, body []byte) rawAnswer {
	t.Helper()
	req, err := http.NewRequestWithContext(testContext(t), method, srv.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return rawAnswer{resp.StatusCode, resp.Header.Get("x-amzn-ErrorType"), resp.Header.Get("x-amzn-RequestId"), b}
}

// message returns the Message of an error body, failing when the body is
// not a JSON object with a string Message.
func message(t *testing.T, a rawAnswer) string {
	t.Helper()
	var e struct{ Message *string }
	if err := json.Unmarshal(a.body, &e); err != nil || e.Message == nil {
		t.Fatalf("error body %q is not {\"Message\": ...}", a.body)
	}
	return *e.Message
}

func TestProtocolErrors(t *testing.T) {
	srv := connecttest.NewServer()
	defer srv.Close()
	srv.AddDemoInstances()
	users := "/users/" + cmInstance
	big := `{"Username":"big","Tags":{"k":"` + strings.Repeat("x", user.DefaultMaxDocumentSize) + `"}}`
	cases := []struct {
		name, method, path, contentType, auth, body string
		status                                      int
		errorType                                   string
	}{
		{"no authentication", "GET", "/instance", "", "", "", 403, connecttest.ErrMissingAuthentication},
		{"another scheme", "GET", "/instance", "", "Basic eDp5", "", 403, connecttest.ErrMissingAuthentication},
		{"unknown path", "GET", "/groups/x", "", signed, "", 404, connecttest.ErrUnknownOperation},
		{"known path, other method", "POST", users, "application/json", signed, validBody, 404, connecttest.ErrUnknownOperation},
		{"empty segment", "GET", "/users//u", "", signed, "", 404, connecttest.ErrUnknownOperation},
		{"not JSON", "PUT", users, "application/json", signed, `{"Username":`, 400, connecttest.ErrSerialization},
		{"a list", "PUT", users, "application/json", signed, `[]`, 400, connecttest.ErrSerialization},
		{"null", "PUT", users, "application/json", signed, `null`, 400, connecttest.ErrSerialization},
		{"empty body", "PUT", users, "application/json", signed, ``, 400, connecttest.ErrSerialization},
		{"wrong type", "PUT", users, "application/json", signed, strings.Replace(validBody, `"raw.user"`, `42`, 1), 400, connecttest.ErrSerialization},
		{"invalid UTF-8", "PUT", users, "application/json", signed, strings.Replace(validBody, "raw.user", "raw\xffuser", 1), 400, connecttest.ErrSerialization},
		{"too large", "PUT", users, "application/json", signed, big, 413, connecttest.ErrRequestEntityTooLarge},
		{"wrong content type", "PUT", users, "text/plain", signed, validBody, 415, connecttest.ErrUnsupportedMediaType},
		{"search not an object", "POST", "/search-users", "application/json", signed, `"x"`, 400, connecttest.ErrSerialization},
		{"search wrong type", "POST", "/search-users", "application/json", signed, `{"InstanceId":"` + cmInstance + `","MaxResults":"5"}`, 400, connecttest.ErrSerialization},
		{"search without instance", "POST", "/search-users", "application/json", signed, `{}`, 400, connecttest.ErrInvalidParameter},
		{"search filter", "POST", "/search-users", "application/json", signed, `{"InstanceId":"` + cmInstance + `","SearchFilter":{}}`, 400, connecttest.ErrInvalidParameter},
		{"search other field", "POST", "/search-users", "application/json", signed, `{"InstanceId":"` + cmInstance + `","SearchCriteria":{"StringCondition":{"FieldName":"Email","Value":"a","ComparisonType":"EXACT"}}}`, 400, connecttest.ErrInvalidParameter},
		{"maxResults not a number", "GET", "/users-summary/" + cmInstance + "?maxResults=ten", "", signed, "", 400, connecttest.ErrInvalidParameter},
		{"maxResults 0", "GET", "/security-profiles-summary/" + cmInstance + "?maxResults=0", "", signed, "", 400, connecttest.ErrInvalidParameter},
		{"token of another listing", "GET", "/routing-profiles-summary/" + cmInstance + "?nextToken=abc", "", signed, "", 400, connecttest.ErrInvalidParameter},
		{"instance ARN of another account", "GET", "/instance/" + url.PathEscape("arn:aws:connect:us-east-1:999999999999:instance/"+cmInstance), "", signed, "", 404, connecttest.ErrResourceNotFound},
		{"unknown group", "GET", "/user-hierarchy-groups/" + cmInstance + "/nope", "", signed, "", 404, connecttest.ErrResourceNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := send(t, srv, tc.method, tc.path, tc.contentType, tc.auth, []byte(tc.body))
			if a.status != tc.status || a.errorType != tc.errorType {
				t.Errorf("%d %s, want %d %s (%s)", a.status, a.errorType, tc.status, tc.errorType, a.body)
			}
			if len(a.requestID) != 36 {
				t.Errorf("x-amzn-RequestId %q", a.requestID)
			}
			message(t, a)
		})
	}
	if n := len(srv.Users(cmInstance)); n != 0 {
		t.Errorf("%d users created by bad requests", n)
	}
}

func TestCreateUserWire(t *testing.T) {
	srv := connecttest.NewServer()
	defer srv.Close()
	srv.AddDemoInstances()

	// Unknown members are ignored and not stored; the instance may be an
	// escaped ARN; an InstanceId in the body is not a body member.
	body := strings.Replace(validBody, `{`, `{"Colour":"red","InstanceId":"elsewhere","IdentityInfo2":{"x":1},`, 1)
	path := "/users/" + url.PathEscape("arn:aws:connect:us-east-1:123456789012:instance/"+cmInstance)
	a := send(t, srv, "PUT", path, "application/json", signed, []byte(body))
	if a.status != 200 {
		t.Fatalf("%d %s", a.status, a.body)
	}
	var out user.CreateUserOutput
	if err := json.Unmarshal(a.body, &out); err != nil {
		t.Fatal(err)
	}
	u, _ := srv.Instance(cmInstance)
	if len(u.Users) != 1 || u.Users[0].Id != out.UserId {
		t.Fatalf("users %+v", u.Users)
	}
	stored, _ := json.Marshal(u.Users[0])
	if bytes.Contains(stored, []byte("Colour")) || bytes.Contains(stored, []byte("IdentityInfo2")) || bytes.Contains(stored, []byte("Sunrise2026Desk")) {
		t.Errorf("stored %s", stored)
	}

	// A catalog error: the first error's sentence, and every violation in
	// the report format.
	bad := strings.Replace(validBody, `"raw.user"`, `"raw user"`, 1)
	bad = strings.Replace(bad, `"Password":"Sunrise2026Desk",`, ``, 1)
	a = send(t, srv, "PUT", "/users/"+cmInstance, "application/json", signed, []byte(bad))
	if a.status != 400 || a.errorType != connecttest.ErrInvalidParameter {
		t.Fatalf("%d %s", a.status, a.errorType)
	}
	var e struct {
		Message    string
		Violations []struct {
			Field, Code, Severity, Rule, Message string
		}
	}
	if err := json.Unmarshal(a.body, &e); err != nil {
		t.Fatal(err)
	}
	var got []cuerrors.Want
	for _, v := range e.Violations {
		if v.Rule == "" || v.Message == "" {
			t.Errorf("violation without rule or message: %+v", v)
		}
		var sev cuerrors.Severity
		if err := sev.UnmarshalText([]byte(v.Severity)); err != nil {
			t.Fatal(err)
		}
		got = append(got, cuerrors.Want{Field: v.Field, Code: cuerrors.Code(v.Code), Severity: sev})
	}
	wantList := []cuerrors.Want{
		{Field: "Username", Code: cuerrors.CodePattern, Severity: cuerrors.SeverityError},
		{Field: "Password", Code: cuerrors.CodeRequired, Severity: cuerrors.SeverityError},
	}
	if diff := cmp.Diff(wantList, got); diff != "" {
		t.Errorf("Violations (-want +got):\n%s", diff)
	}
	if e.Message == "" || !strings.HasPrefix(e.Message, "Username") {
		t.Errorf("Message %q is not the first error's", e.Message)
	}
}

func TestRequestsRecord(t *testing.T) {
	var hooked []connecttest.Request
	srv := connecttest.NewServer(connecttest.WithRequestHook(func(r connecttest.Request) { hooked = append(hooked, r) }))
	defer srv.Close()
	srv.AddDemoInstances()
	send(t, srv, "PUT", "/users/"+cmInstance, "application/json", signed, []byte(validBody))
	send(t, srv, "PUT", "/users/"+cmInstance, "application/json", signed, []byte(validBody))
	send(t, srv, "GET", "/nowhere", "", signed, nil)
	got := srv.Requests()
	want := []struct {
		op        string
		status    int
		errorType string
	}{{"CreateUser", 200, ""}, {"CreateUser", 409, connecttest.ErrDuplicateResource}, {"", 404, connecttest.ErrUnknownOperation}}
	if len(got) != len(want) || len(hooked) != len(want) {
		t.Fatalf("%d records, %d hooked", len(got), len(hooked))
	}
	for i, w := range want {
		if got[i].Operation != w.op || got[i].Status != w.status || got[i].ErrorType != w.errorType || got[i].Duration <= 0 || got[i] != hooked[i] {
			t.Errorf("record %d: %+v, want %+v", i, got[i], w)
		}
	}
}
