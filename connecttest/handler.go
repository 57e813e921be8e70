package connecttest

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// The operations the server offers, by the service's names.
const (
	OpCreateUser                 = "CreateUser"
	OpDescribeUser               = "DescribeUser"
	OpListUsers                  = "ListUsers"
	OpSearchUsers                = "SearchUsers"
	OpDeleteUser                 = "DeleteUser"
	OpDescribeInstance           = "DescribeInstance"
	OpListInstances              = "ListInstances"
	OpListSecurityProfiles       = "ListSecurityProfiles"
	OpListRoutingProfiles        = "ListRoutingProfiles"
	OpListUserHierarchyGroups    = "ListUserHierarchyGroups"
	OpDescribeUserHierarchyGroup = "DescribeUserHierarchyGroup"
	OpUpdateUserIdentityInfo     = "UpdateUserIdentityInfo"
	OpUpdateUserPhoneConfig      = "UpdateUserPhoneConfig"
	OpUpdateUserConfig           = "UpdateUserConfig"
	OpUpdateUserRoutingProfile   = "UpdateUserRoutingProfile"
	OpUpdateUserSecurityProfiles = "UpdateUserSecurityProfiles"
	OpUpdateUserHierarchy        = "UpdateUserHierarchy"
	OpTagResource                = "TagResource"
	OpUntagResource              = "UntagResource"
)

var operationNames = []string{
	OpCreateUser, OpDescribeUser, OpListUsers, OpSearchUsers, OpDeleteUser,
	OpDescribeInstance, OpListInstances, OpListSecurityProfiles,
	OpListRoutingProfiles, OpListUserHierarchyGroups, OpDescribeUserHierarchyGroup,
	OpUpdateUserIdentityInfo, OpUpdateUserPhoneConfig, OpUpdateUserConfig, OpUpdateUserRoutingProfile,
	OpUpdateUserSecurityProfiles, OpUpdateUserHierarchy, OpTagResource, OpUntagResource,
}

// writing are the operations that change the state: the ones that
// reset-after faults apply to.
var writing = map[string]bool{
	OpCreateUser: true, OpDeleteUser: true,
	OpUpdateUserIdentityInfo: true, OpUpdateUserPhoneConfig: true, OpUpdateUserConfig: true,
	OpUpdateUserRoutingProfile: true, OpUpdateUserSecurityProfiles: true, OpUpdateUserHierarchy: true,
	OpTagResource: true, OpUntagResource: true,
}

// Request is the record of one request the server answered: what
// Requests returns and WithRequestHook receives. It holds no request
// member, so nothing secret.
type Request struct {
	// Operation is the operation's name, or "" for a request that matched
	// none (or had no authentication).
	Operation string
	// Status is the HTTP status answered, 0 when the connection was reset
	// instead (Fault says which).
	Status int
	// ErrorType is the x-amzn-ErrorType of an error answer, "" on success.
	ErrorType string
	// Fault is the fault injected by WithFaults: "throttle", "error",
	// "reset-before" or "reset-after"; "" for none.
	Fault string
	// Duration is how long the server took, injected latency included.
	Duration time.Duration
	// RequestID is the x-amzn-RequestId answered.
	RequestID string
}

// String renders the record as `connectuser serve` logs it:
// "CreateUser 200 - 1.2ms id=...", with the error type or fault in place of
// "-".
func (r Request) String() string {
	op := r.Operation
	if op == "" {
		op = "-"
	}
	kind := r.ErrorType
	if r.Fault != "" {
		if kind != "" {
			kind += " "
		}
		kind += "fault=" + r.Fault
	}
	if kind == "" {
		kind = "-"
	}
	return fmt.Sprintf("%s %d %s %s id=%s", op, r.Status, kind, r.Duration.Round(time.Microsecond), r.RequestID)
}

// Requests returns the records of the requests served, oldest first (at
// most MaxRecordedRequests, or the limit of WithRecordLimit: the latest
// ones).
func (s *Server) Requests() []Request {
	s.recMu.Lock()
	defer s.recMu.Unlock()
	out := make([]Request, 0, len(s.requests))
	out = append(out, s.requests[s.recStart:]...)
	return append(out, s.requests[:s.recStart]...)
}

func (s *Server) record(r Request) {
	if limit := s.cfg.recordLimit; limit > 0 {
		s.recMu.Lock()
		if len(s.requests) < limit {
			s.requests = append(s.requests, r)
		} else {
			s.requests[s.recStart] = r
			s.recStart = (s.recStart + 1) % limit
		}
		s.recMu.Unlock()
	}
	if s.cfg.hook != nil {
		s.cfg.hook(r)
	}
}

// route is an operation matched to a request, with its path parameters.
type route struct {
	op     string
	params []string // InstanceId, then UserId or HierarchyGroupId; or the resource ARN
	handle func(s *Server, r *http.Request, params []string) response
}

// match finds the operation of method and the segments of the path.
func match(method string, seg []string) (route, bool) {
	type entry struct {
		method, first string
		n             int    // segments
		last          string // the last segment, when it is fixed
		op            string
		handle        func(s *Server, r *http.Request, params []string) response
	}
	table := [...]entry{
		{http.MethodPut, "users", 2, "", OpCreateUser, (*Server).createUser},
		{http.MethodGet, "users", 3, "", OpDescribeUser, (*Server).describeUser},
		{http.MethodDelete, "users", 3, "", OpDeleteUser, (*Server).deleteUser},
		{http.MethodPost, "users", 4, "identity-info", OpUpdateUserIdentityInfo, (*Server).updateUserIdentityInfo},
		{http.MethodPost, "users", 4, "phone-config", OpUpdateUserPhoneConfig, (*Server).updateUserPhoneConfig},
		{http.MethodPost, "users", 4, "config", OpUpdateUserConfig, (*Server).updateUserConfig},
		{http.MethodPost, "users", 4, "routing-profile", OpUpdateUserRoutingProfile, (*Server).updateUserRoutingProfile},
		{http.MethodPost, "users", 4, "security-profiles", OpUpdateUserSecurityProfiles, (*Server).updateUserSecurityProfiles},
		{http.MethodPost, "users", 4, "hierarchy", OpUpdateUserHierarchy, (*Server).updateUserHierarchy},
		{http.MethodPost, "tags", 2, "", OpTagResource, (*Server).tagResource},
		{http.MethodDelete, "tags", 2, "", OpUntagResource, (*Server).untagResource},
		{http.MethodGet, "users-summary", 2, "", OpListUsers, (*Server).listUsers},
		{http.MethodPost, "search-users", 1, "", OpSearchUsers, (*Server).searchUsers},
		{http.MethodGet, "instance", 2, "", OpDescribeInstance, (*Server).describeInstance},
		{http.MethodGet, "instance", 1, "", OpListInstances, (*Server).listInstances},
		{http.MethodGet, "security-profiles-summary", 2, "", OpListSecurityProfiles, (*Server).listSecurityProfiles},
		{http.MethodGet, "routing-profiles-summary", 2, "", OpListRoutingProfiles, (*Server).listRoutingProfiles},
		{http.MethodGet, "user-hierarchy-groups-summary", 2, "", OpListUserHierarchyGroups, (*Server).listUserHierarchyGroups},
		{http.MethodGet, "user-hierarchy-groups", 3, "", OpDescribeUserHierarchyGroup, (*Server).describeUserHierarchyGroup},
	}
	if seg[0] == "tags" && len(seg) > 2 {
		// A resource ARN whose slashes a client did not escape.
		seg = []string{"tags", strings.Join(seg[1:], "/")}
	}
	for _, e := range table {
		if e.method == method && e.first == seg[0] && e.n == len(seg) && (e.last == "" || e.last == seg[e.n-1]) {
			params := seg[1:]
			if e.last != "" {
				params = seg[1 : e.n-1]
			}
			return route{op: e.op, params: params, handle: e.handle}, true
		}
	}
	return route{}, false
}

// segments splits the escaped path into unescaped segments; ok is false
// for an empty segment or a bad escape.
func segments(escaped string) ([]string, bool) {
	parts := strings.Split(strings.TrimPrefix(escaped, "/"), "/")
	for i, p := range parts {
		u, err := url.PathUnescape(p)
		if err != nil || u == "" {
			return nil, false
		}
		parts[i] = u
	}
	return parts, true
}

// ServeHTTP answers one request: authentication, routing, the rate limit
// and the faults, then the operation.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := Request{RequestID: newUUID()}
	recorded := false
	done := func() {
		if !recorded {
			recorded = true
			rec.Duration = time.Since(start)
			s.record(rec)
		}
	}
	defer done()
	w.Header().Set("x-amzn-RequestId", rec.RequestID)

	var rt route
	resp := func() *response {
		if !strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256 ") {
			e := errorResponse(http.StatusForbidden, ErrMissingAuthentication, "Missing Authentication Token")
			return &e
		}
		seg, okPath := segments(r.URL.EscapedPath())
		var found bool
		if okPath {
			rt, found = match(r.Method, seg)
		}
		if !found {
			e := errorResponse(http.StatusNotFound, ErrUnknownOperation, "UnknownOperationException")
			return &e
		}
		rec.Operation = rt.op
		if l := s.limiters[rt.op]; l != nil && !l.Allow() {
			e := errorResponse(http.StatusTooManyRequests, ErrThrottling, "Rate exceeded")
			return &e
		}
		return nil
	}()
	if resp != nil {
		rec.Status, rec.ErrorType = resp.status, resp.errType
		done()
		s.write(w, *resp)
		return
	}

	d := s.decide(rt.op)
	if d.resetBefore {
		rec.Fault = "reset-before"
		done() // before the client can see the reset and send the next request
		reset(w)
		return
	}
	if d.latency > 0 {
		t := time.NewTimer(d.latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
		}
	}
	var out response
	switch {
	case d.throttle:
		rec.Fault = "throttle"
		out = errorResponse(http.StatusTooManyRequests, ErrThrottling, "Rate exceeded")
	case d.error:
		rec.Fault = "error"
		out = errorResponse(http.StatusInternalServerError, ErrInternalService, "We encountered an internal error. Please try again.")
	default:
		out = rt.handle(s, r, rt.params)
		if d.resetAfter && out.status == http.StatusOK {
			rec.Operation, rec.Status, rec.ErrorType, rec.Fault = rt.op, 0, "", "reset-after"
			done()
			reset(w)
			return
		}
	}
	rec.Status, rec.ErrorType = out.status, out.errType
	done() // before the answer, so that a client that saw it finds it recorded
	s.write(w, out)
}

// write sends resp.
func (s *Server) write(w http.ResponseWriter, resp response) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	if resp.errType != "" {
		h.Set("x-amzn-ErrorType", resp.errType)
	}
	h.Set("Content-Length", strconv.Itoa(len(resp.body)))
	w.WriteHeader(resp.status)
	_, _ = w.Write(resp.body)
}

// reset closes the connection with a TCP reset instead of an answer.
func reset(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = conn.Close()
}
