package connecttest

import (
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// readBody reads a JSON request body of at most the library's document
// size limit. A body over the limit, or of another media type, is answered
// as the service's front end does.
func readBody(r *http.Request) ([]byte, *response) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasPrefix(mt, "application/x-amz-json")) {
			e := errorResponse(http.StatusUnsupportedMediaType, ErrUnsupportedMediaType, "Unsupported Media Type: the body must be application/json")
			return nil, &e
		}
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, user.DefaultMaxDocumentSize+1))
	if err != nil {
		e := serialization("The request body could not be read")
		return nil, &e
	}
	if len(body) > user.DefaultMaxDocumentSize {
		e := errorResponse(http.StatusRequestEntityTooLarge, ErrRequestEntityTooLarge,
			"Request body must be no larger than "+strconv.Itoa(user.DefaultMaxDocumentSize)+" bytes")
		return nil, &e
	}
	return body, nil
}

// readingFault tells which violations of user.Decode make a body that the
// service cannot deserialize: anything but an unknown member (which the
// service ignores) and the InstanceId member (not a body member, so
// ignored too).
func readingFault(v *cuerrors.Violation) bool {
	if v.Code == cuerrors.CodeUnknown {
		return false
	}
	if v.Field.HasPrefix(cuerrors.NewPath("InstanceId")) {
		return false
	}
	return strings.HasPrefix(v.Rule, "document.")
}

// createUser is CreateUser: PUT /users/{InstanceId}.
func (s *Server) createUser(r *http.Request, params []string) response {
	body, bad := readBody(r)
	if bad != nil {
		return *bad
	}
	in, reading := user.Decode(body)
	for i := range reading {
		if readingFault(&reading[i]) {
			return serialization(reading[i].Error())
		}
	}
	if in == nil {
		return serialization("The request body is not a JSON object")
	}
	in.InstanceId = params[0]

	s.store.mu.RLock()
	st := s.instance(params[0])
	t := st.typeOrUnknown()
	s.store.mu.RUnlock()
	if st == nil {
		return notFound("Instance " + params[0] + " not found")
	}

	// The catalog, under the instance's identity management type.
	if list := s.validators[t].Validate(in); list.HasErrors() {
		return catalogError(list)
	}

	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	st = s.instance(params[0])
	if st == nil {
		return notFound("Instance " + params[0] + " not found")
	}
	id := st.info.Id
	u := userFromInput("", in)
	u.SecurityProfileIds = make([]string, len(in.SecurityProfileIds))
	for i, ref := range in.SecurityProfileIds {
		spID, bad := s.securityProfileID(st, ref)
		if bad != nil {
			return *bad
		}
		u.SecurityProfileIds[i] = spID
	}
	rpID, bad := s.routingProfileID(st, in.RoutingProfileId)
	if bad != nil {
		return *bad
	}
	u.RoutingProfileId = rpID
	if in.HierarchyGroupId != nil {
		gID, bad := s.groupID(st, *in.HierarchyGroupId)
		if bad != nil {
			return *bad
		}
		u.HierarchyGroupId = &gID
	}
	if st.names[in.Username] != nil {
		return errorResponse(http.StatusConflict, ErrDuplicateResource,
			"The user "+in.Username+" is already associated with the instance "+id)
	}
	if q := st.info.UserQuota; q > 0 && len(st.users) >= q {
		return errorResponse(http.StatusTooManyRequests, ErrLimitExceeded,
			"The quota of "+strconv.Itoa(q)+" users of instance "+id+" has been reached")
	}
	u.Id = newUUID()
	// in is this request's own copy (Decode made it), so u may keep its
	// members without a copy.
	st.users[u.Id] = &storedUser{User: u, modified: s.cfg.now()}
	st.names[u.Username] = st.users[u.Id]
	return okJSON(user.CreateUserOutput{UserId: u.Id, UserArn: s.resourceARN(id, "agent", u.Id)})
}

// catalogError is the 400 InvalidParameterException of a list with
// errors: its Message is the first error's sentence, as the service words
// its messages, and its body carries every violation as "Violations".
func catalogError(list cuerrors.List) response {
	var first string
	for i := range list {
		if list[i].Severity == cuerrors.SeverityError {
			first = list[i].Message
			break
		}
	}
	b, _ := list.MarshalJSON()
	out, _ := json.Marshal(serviceError{Message: first, Violations: b})
	return response{status: http.StatusBadRequest, errType: ErrInvalidParameter, body: out}
}

func (st *instanceState) typeOrUnknown() identity.Type {
	if st == nil {
		return ""
	}
	return st.info.IdentityManagementType
}

// describedUser is the User member of DescribeUser's answer.
type describedUser struct {
	User
	Arn                string `json:"Arn"`
	LastModifiedTime   epoch  `json:"LastModifiedTime"`
	LastModifiedRegion string `json:"LastModifiedRegion"`
}

// findUser finds the user of a path: the instance and the user id (or
// ARN). The caller holds the lock.
func (s *Server) findUser(params []string) (*instanceState, *storedUser, *response) {
	st := s.instance(params[0])
	if st == nil {
		r := notFound("Instance " + params[0] + " not found")
		return nil, nil, &r
	}
	id, ok := s.resourceID(st.info.Id, "agent", params[1])
	u := st.users[id]
	if !ok || u == nil {
		r := notFound("User " + params[1] + " not found in instance " + st.info.Id)
		return nil, nil, &r
	}
	return st, u, nil
}

// describeUser is DescribeUser: GET /users/{InstanceId}/{UserId}.
func (s *Server) describeUser(_ *http.Request, params []string) response {
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	st, u, bad := s.findUser(params)
	if bad != nil {
		return *bad
	}
	return okJSON(struct {
		User describedUser `json:"User"`
	}{describedUser{
		User:               answered(u.User),
		Arn:                s.resourceARN(st.info.Id, "agent", u.Id),
		LastModifiedTime:   epoch(u.modified),
		LastModifiedRegion: s.cfg.region,
	}})
}

// deleteUser is DeleteUser: DELETE /users/{InstanceId}/{UserId}.
func (s *Server) deleteUser(_ *http.Request, params []string) response {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	st, u, bad := s.findUser(params)
	if bad != nil {
		return *bad
	}
	delete(st.users, u.Id)
	delete(st.names, u.Username)
	return response{status: http.StatusOK, body: []byte{}}
}

// userSummary is an element of ListUsers' UserSummaryList.
type userSummary struct {
	Id                 string `json:"Id"`
	Arn                string `json:"Arn"`
	Username           string `json:"Username"`
	LastModifiedTime   epoch  `json:"LastModifiedTime"`
	LastModifiedRegion string `json:"LastModifiedRegion"`
}

// listUsers is ListUsers: GET /users-summary/{InstanceId}, ordered by
// Username.
func (s *Server) listUsers(r *http.Request, params []string) response {
	q := r.URL.Query()
	n, bad := maxResults(q, bounds1000)
	if bad != nil {
		return *bad
	}
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	st := s.instance(params[0])
	if st == nil {
		return notFound("Instance " + params[0] + " not found")
	}
	last, valid := s.readToken(q.Get("nextToken"), OpListUsers, st.info.Id)
	if !valid {
		return invalidParameter("NextToken is not valid for this request")
	}
	users, next := page(st.sortedUsers(), func(u *storedUser) string { return u.Username }, last, n)
	out := struct {
		UserSummaryList []userSummary `json:"UserSummaryList"`
		NextToken       string        `json:"NextToken,omitempty"`
	}{UserSummaryList: make([]userSummary, 0, len(users))}
	for _, u := range users {
		out.UserSummaryList = append(out.UserSummaryList, userSummary{
			Id: u.Id, Arn: s.resourceARN(st.info.Id, "agent", u.Id), Username: u.Username,
			LastModifiedTime: epoch(u.modified), LastModifiedRegion: s.cfg.region,
		})
	}
	if next != "" {
		out.NextToken = s.token(OpListUsers, st.info.Id, next)
	}
	return okJSON(out)
}
