package connecttest

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"net/http"
	"slices"

	"github.com/connectkit/createuser/identity"
)

// instanceSummary is an element of ListInstances' InstanceSummaryList and,
// with Tags, DescribeInstance's Instance.
type instanceSummary struct {
	Id                     string        `json:"Id"`
	Arn                    string        `json:"Arn"`
	IdentityManagementType identity.Type `json:"IdentityManagementType"`
	InstanceAlias          string        `json:"InstanceAlias,omitempty"`
	CreatedTime            epoch         `json:"CreatedTime"`
	ServiceRole            string        `json:"ServiceRole"`
	InstanceStatus         string        `json:"InstanceStatus"`
	InboundCallsEnabled    bool          `json:"InboundCallsEnabled"`
	OutboundCallsEnabled   bool          `json:"OutboundCallsEnabled"`
	InstanceAccessUrl      string        `json:"InstanceAccessUrl"`
}

func (s *Server) summary(st *instanceState) instanceSummary {
	alias := st.info.Alias
	if alias == "" {
		alias = st.info.Id
	}
	return instanceSummary{
		Id:                     st.info.Id,
		Arn:                    s.instanceARN(st.info.Id),
		IdentityManagementType: st.info.IdentityManagementType,
		InstanceAlias:          st.info.Alias,
		CreatedTime:            epoch(st.created),
		ServiceRole:            "arn:" + partition(s.cfg.region) + ":iam::" + s.cfg.account + ":role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect",
		InstanceStatus:         "ACTIVE",
		InboundCallsEnabled:    true,
		OutboundCallsEnabled:   true,
		InstanceAccessUrl:      "https://" + alias + ".my.connect.aws",
	}
}

// describeInstance is DescribeInstance: GET /instance/{InstanceId}.
func (s *Server) describeInstance(_ *http.Request, params []string) response {
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	st := s.instance(params[0])
	if st == nil {
		return notFound("Instance " + params[0] + " not found")
	}
	return okJSON(struct {
		Instance instanceSummary `json:"Instance"`
	}{s.summary(st)})
}

// listInstances is ListInstances: GET /instance, ordered by Id.
func (s *Server) listInstances(r *http.Request, _ []string) response {
	q := r.URL.Query()
	n, bad := maxResults(q, bounds10)
	if bad != nil {
		return *bad
	}
	last, valid := s.readToken(q.Get("nextToken"), OpListInstances, "")
	if !valid {
		return invalidParameter("NextToken is not valid for this request")
	}
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	all := make([]*instanceState, 0, len(s.store.instances))
	for _, st := range s.store.instances {
		all = append(all, st)
	}
	slices.SortFunc(all, func(a, b *instanceState) int { return cmp.Compare(a.info.Id, b.info.Id) })
	got, next := page(all, func(st *instanceState) string { return st.info.Id }, last, n)
	out := struct {
		InstanceSummaryList []instanceSummary `json:"InstanceSummaryList"`
		NextToken           string            `json:"NextToken,omitempty"`
	}{InstanceSummaryList: make([]instanceSummary, 0, len(got))}
	for _, st := range got {
		out.InstanceSummaryList = append(out.InstanceSummaryList, s.summary(st))
	}
	if next != "" {
		out.NextToken = s.token(OpListInstances, "", next)
	}
	return okJSON(out)
}

// resourceSummary is an element of the profile and group listings.
type resourceSummary struct {
	Id                 string `json:"Id"`
	Arn                string `json:"Arn"`
	Name               string `json:"Name"`
	LastModifiedTime   epoch  `json:"LastModifiedTime"`
	LastModifiedRegion string `json:"LastModifiedRegion"`
}

// listResources answers a listing of an instance's resources, ordered by
// Name then Id, in the member listName.
func (s *Server) listResources(r *http.Request, params []string, op, kind, listName string, get func(*instanceState) []Resource) response {
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
	last, valid := s.readToken(q.Get("nextToken"), op, st.info.Id)
	if !valid {
		return invalidParameter("NextToken is not valid for this request")
	}
	all := slices.Clone(get(st))
	key := func(r Resource) string { return r.Name + "\x00" + r.Id }
	slices.SortFunc(all, func(a, b Resource) int { return cmp.Compare(key(a), key(b)) })
	got, next := page(all, key, last, n)
	list := make([]resourceSummary, 0, len(got))
	for _, res := range got {
		list = append(list, resourceSummary{
			Id: res.Id, Arn: s.resourceARN(st.info.Id, kind, res.Id), Name: res.Name,
			LastModifiedTime: epoch(st.created), LastModifiedRegion: s.cfg.region,
		})
	}
	out := map[string]any{listName: list}
	if next != "" {
		out["NextToken"] = s.token(op, st.info.Id, next)
	}
	return okJSON(out)
}

// listSecurityProfiles is ListSecurityProfiles:
// GET /security-profiles-summary/{InstanceId}.
func (s *Server) listSecurityProfiles(r *http.Request, params []string) response {
	return s.listResources(r, params, OpListSecurityProfiles, "security-profile", "SecurityProfileSummaryList",
		func(st *instanceState) []Resource { return st.info.SecurityProfiles })
}

// listRoutingProfiles is ListRoutingProfiles:
// GET /routing-profiles-summary/{InstanceId}.
func (s *Server) listRoutingProfiles(r *http.Request, params []string) response {
	return s.listResources(r, params, OpListRoutingProfiles, "routing-profile", "RoutingProfileSummaryList",
		func(st *instanceState) []Resource { return st.info.RoutingProfiles })
}

// listUserHierarchyGroups is ListUserHierarchyGroups:
// GET /user-hierarchy-groups-summary/{InstanceId}.
func (s *Server) listUserHierarchyGroups(r *http.Request, params []string) response {
	return s.listResources(r, params, OpListUserHierarchyGroups, "agent-group", "UserHierarchyGroupSummaryList",
		func(st *instanceState) []Resource {
			out := make([]Resource, len(st.info.HierarchyGroups))
			for i, g := range st.info.HierarchyGroups {
				out[i] = Resource{Id: g.Id, Name: g.Name}
			}
			return out
		})
}

// groupRef is a group in a HierarchyPath.
type groupRef struct {
	Id   string `json:"Id"`
	Arn  string `json:"Arn"`
	Name string `json:"Name"`
}

// describeUserHierarchyGroup is DescribeUserHierarchyGroup:
// GET /user-hierarchy-groups/{InstanceId}/{HierarchyGroupId}.
func (s *Server) describeUserHierarchyGroup(_ *http.Request, params []string) response {
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	st := s.instance(params[0])
	if st == nil {
		return notFound("Instance " + params[0] + " not found")
	}
	id, valid := s.resourceID(st.info.Id, "agent-group", params[1])
	i, exists := st.groups[id]
	if !valid || !exists {
		return notFound("Hierarchy group " + params[1] + " not found in instance " + st.info.Id)
	}
	g := st.info.HierarchyGroups[i]
	path := st.path(g.Id)
	levels := map[string]groupRef{}
	for l, pg := range path {
		levels[[...]string{"LevelOne", "LevelTwo", "LevelThree", "LevelFour", "LevelFive"}[l]] =
			groupRef{Id: pg.Id, Arn: s.resourceARN(st.info.Id, "agent-group", pg.Id), Name: pg.Name}
	}
	return okJSON(struct {
		HierarchyGroup any `json:"HierarchyGroup"`
	}{struct {
		Id                 string              `json:"Id"`
		Arn                string              `json:"Arn"`
		Name               string              `json:"Name"`
		LevelId            string              `json:"LevelId"`
		HierarchyPath      map[string]groupRef `json:"HierarchyPath"`
		LastModifiedTime   epoch               `json:"LastModifiedTime"`
		LastModifiedRegion string              `json:"LastModifiedRegion"`
	}{g.Id, s.resourceARN(st.info.Id, "agent-group", g.Id), g.Name, levelID(st.info.Id, len(path)),
		levels, epoch(st.created), s.cfg.region}})
}

// levelID returns a stable identifier for level (1 to 5) of an instance's
// hierarchy, shaped as the service's.
func levelID(instance string, level int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s/level/%d", instance, level))
	return fmt.Sprintf("%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
}
