package connecttest

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// searchRequest is the body of SearchUsers. Members the local service does
// not offer are kept raw, to be refused rather than ignored.
type searchRequest struct {
	InstanceId     *string         `json:"InstanceId"`
	NextToken      *string         `json:"NextToken"`
	MaxResults     *int            `json:"MaxResults"`
	SearchFilter   json.RawMessage `json:"SearchFilter"`
	SearchCriteria *searchCriteria `json:"SearchCriteria"`
}

// searchCriteria is UserSearchCriteria: the conditions set in one node all
// hold (an empty node holds for every user).
type searchCriteria struct {
	OrConditions            []*searchCriteria `json:"OrConditions"`
	AndConditions           []*searchCriteria `json:"AndConditions"`
	StringCondition         *stringCondition  `json:"StringCondition"`
	ListCondition           json.RawMessage   `json:"ListCondition"`
	HierarchyGroupCondition json.RawMessage   `json:"HierarchyGroupCondition"`
}

// stringCondition is StringCondition.
type stringCondition struct {
	FieldName      *string `json:"FieldName"`
	Value          *string `json:"Value"`
	ComparisonType *string `json:"ComparisonType"`
}

// isSet reports whether a raw member is present and not null.
func isSet(raw json.RawMessage) bool {
	return len(raw) > 0 && !bytes.Equal(raw, []byte("null"))
}

// check returns a message for the first condition the local service
// cannot evaluate, "" when it can evaluate every one.
func (c *searchCriteria) check() string {
	if c == nil {
		return ""
	}
	if isSet(c.ListCondition) {
		return "ListCondition is not supported by the local service"
	}
	if isSet(c.HierarchyGroupCondition) {
		return "HierarchyGroupCondition is not supported by the local service"
	}
	if sc := c.StringCondition; sc != nil {
		switch {
		case sc.FieldName == nil || *sc.FieldName != "Username":
			return "StringCondition.FieldName must be Username (the only field the local service searches)"
		case sc.Value == nil:
			return "StringCondition.Value is required"
		case sc.ComparisonType == nil:
			return "StringCondition.ComparisonType is required"
		}
		switch *sc.ComparisonType {
		case "EXACT", "STARTS_WITH", "CONTAINS":
		default:
			return "StringCondition.ComparisonType must be one of EXACT, STARTS_WITH, CONTAINS"
		}
	}
	for _, l := range [][]*searchCriteria{c.AndConditions, c.OrConditions} {
		for _, sub := range l {
			if m := sub.check(); m != "" {
				return m
			}
		}
	}
	return ""
}

// match reports whether username meets c. Comparisons are case-sensitive,
// as the service compares usernames.
func (c *searchCriteria) match(username string) bool {
	if c == nil {
		return true
	}
	if sc := c.StringCondition; sc != nil {
		var hit bool
		switch *sc.ComparisonType {
		case "EXACT":
			hit = username == *sc.Value
		case "STARTS_WITH":
			hit = strings.HasPrefix(username, *sc.Value)
		case "CONTAINS":
			hit = strings.Contains(username, *sc.Value)
		}
		if !hit {
			return false
		}
	}
	for _, sub := range c.AndConditions {
		if !sub.match(username) {
			return false
		}
	}
	if len(c.OrConditions) > 0 {
		for _, sub := range c.OrConditions {
			if sub.match(username) {
				return true
			}
		}
		return false
	}
	return true
}

// identityInfoLite is UserIdentityInfoLite: the names only.
type identityInfoLite struct {
	FirstName *identity.Secret `json:"FirstName,omitempty"`
	LastName  *identity.Secret `json:"LastName,omitempty"`
}

// userSearchSummary is an element of SearchUsers' Users: the user with the
// service's defaults, its names only (UserIdentityInfoLite), and its
// after-contact-work time limits in milliseconds.
type userSearchSummary struct {
	Arn                         string                               `json:"Arn"`
	DirectoryUserId             *string                              `json:"DirectoryUserId,omitempty"`
	HierarchyGroupId            *string                              `json:"HierarchyGroupId,omitempty"`
	Id                          string                               `json:"Id"`
	IdentityInfo                *identityInfoLite                    `json:"IdentityInfo,omitempty"`
	PhoneConfig                 *user.PhoneConfig                    `json:"PhoneConfig,omitempty"`
	RoutingProfileId            string                               `json:"RoutingProfileId,omitempty"`
	SecurityProfileIds          []string                             `json:"SecurityProfileIds,omitzero"`
	Tags                        map[string]string                    `json:"Tags,omitzero"`
	Username                    string                               `json:"Username"`
	AutoAcceptConfigs           []channel.AutoAcceptConfig           `json:"AutoAcceptConfigs,omitzero"`
	AfterContactWorkConfigs     []channel.AfterContactWorkConfig     `json:"AfterContactWorkConfigs,omitzero"`
	PhoneNumberConfigs          []channel.PhoneNumberConfig          `json:"PhoneNumberConfigs,omitzero"`
	PersistentConnectionConfigs []channel.PersistentConnectionConfig `json:"PersistentConnectionConfigs,omitzero"`
	VoiceEnhancementConfigs     []channel.VoiceEnhancementConfig     `json:"VoiceEnhancementConfigs,omitzero"`
}

// searchUsers is SearchUsers: POST /search-users, ordered by Username.
func (s *Server) searchUsers(r *http.Request, _ []string) response {
	body, bad := readBody(r)
	if bad != nil {
		return *bad
	}
	if t := bytes.TrimLeft(body, " \t\r\n"); len(t) > 0 && t[0] != '{' {
		return serialization("The request body is not a JSON object")
	}
	var req searchRequest
	if len(bytes.TrimSpace(body)) > 0 {
		if err := json.Unmarshal(body, &req); err != nil {
			return serialization("The request body could not be read: " + jsonProblem(err))
		}
	}
	switch {
	case req.InstanceId == nil || *req.InstanceId == "":
		return invalidParameter("InstanceId is required")
	case req.MaxResults != nil && (*req.MaxResults < 1 || *req.MaxResults > bounds500.max):
		return invalidParameter("MaxResults must be an integer from 1 to " + strconv.Itoa(bounds500.max))
	case req.NextToken != nil && (len(*req.NextToken) < 1 || len(*req.NextToken) > 2500):
		return invalidParameter("NextToken must have 1 to 2500 characters")
	case isSet(req.SearchFilter):
		return invalidParameter("SearchFilter is not supported by the local service")
	}
	if m := req.SearchCriteria.check(); m != "" {
		return invalidParameter(m)
	}
	n := bounds500.def
	if req.MaxResults != nil {
		n = *req.MaxResults
	}
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	st := s.instance(*req.InstanceId)
	if st == nil {
		return notFound("Instance " + *req.InstanceId + " not found")
	}
	var tok string
	if req.NextToken != nil {
		tok = *req.NextToken
	}
	last, valid := s.readToken(tok, OpSearchUsers, st.info.Id)
	if !valid {
		return invalidParameter("NextToken is not valid for this request")
	}
	var hits []*storedUser
	for _, u := range st.sortedUsers() {
		if req.SearchCriteria.match(u.Username) {
			hits = append(hits, u)
		}
	}
	got, next := page(hits, func(u *storedUser) string { return u.Username }, last, n)
	out := struct {
		Users                 []userSearchSummary `json:"Users"`
		NextToken             string              `json:"NextToken,omitempty"`
		ApproximateTotalCount int64               `json:"ApproximateTotalCount"`
	}{Users: make([]userSearchSummary, 0, len(got)), ApproximateTotalCount: int64(len(hits))}
	for _, u := range got {
		sum := userSearchSummary{
			Arn: s.resourceARN(st.info.Id, "agent", u.Id), DirectoryUserId: u.DirectoryUserId,
			HierarchyGroupId: u.HierarchyGroupId, Id: u.Id, PhoneConfig: inMilliseconds(u.PhoneConfig),
			RoutingProfileId: u.RoutingProfileId, SecurityProfileIds: u.SecurityProfileIds, Tags: answeredTags(u.Tags),
			Username: u.Username, AutoAcceptConfigs: u.AutoAcceptConfigs, AfterContactWorkConfigs: acwInMilliseconds(u.AfterContactWorkConfigs),
			PhoneNumberConfigs: u.PhoneNumberConfigs, PersistentConnectionConfigs: u.PersistentConnectionConfigs,
			VoiceEnhancementConfigs: u.VoiceEnhancementConfigs,
		}
		if ii := u.IdentityInfo; ii != nil && (ii.FirstName != nil || ii.LastName != nil) {
			sum.IdentityInfo = &identityInfoLite{FirstName: ii.FirstName, LastName: ii.LastName}
		}
		out.Users = append(out.Users, sum)
	}
	if next != "" {
		out.NextToken = s.token(OpSearchUsers, st.info.Id, next)
	}
	return okJSON(out)
}

// jsonProblem describes a decoding error without quoting the input.
func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		return "member " + te.Field + " has the wrong JSON type (" + te.Value + ")"
	case errors.As(err, &se):
		return "not valid JSON at offset " + strconv.FormatInt(se.Offset, 10)
	}
	return "not valid JSON"
}
