package onboard

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// ManagedTagKey and ManagedTagValue make the tag that apply puts on every
// user it creates (unless WithoutManagedTag): only users that carry it are
// ever deleted by a prune. The tag is never part of a diff.
const (
	ManagedTagKey   = "managed-by"
	ManagedTagValue = "connectuser"
)

// The API names of the operations a plan uses.
const (
	OpCreateUser                 = "CreateUser"
	OpUpdateUserIdentityInfo     = "UpdateUserIdentityInfo"
	OpUpdateUserPhoneConfig      = "UpdateUserPhoneConfig"
	OpUpdateUserConfig           = "UpdateUserConfig"
	OpUpdateUserRoutingProfile   = "UpdateUserRoutingProfile"
	OpUpdateUserSecurityProfiles = "UpdateUserSecurityProfiles"
	OpUpdateUserHierarchy        = "UpdateUserHierarchy"
	OpTagResource                = "TagResource"
	OpUntagResource              = "UntagResource"
	OpDeleteUser                 = "DeleteUser"
)

// updateOrder is the order in which an update's operations are sent:
// the phone settings before the channel settings, because
// UpdateUserPhoneConfig sets the after-contact work time of every channel.
var updateOrder = []string{
	OpUpdateUserIdentityInfo, OpUpdateUserPhoneConfig, OpUpdateUserConfig, OpUpdateUserRoutingProfile,
	OpUpdateUserSecurityProfiles, OpUpdateUserHierarchy, OpTagResource, OpUntagResource,
}

// memberOperation is the operation that changes each top-level member.
var memberOperation = map[string]string{
	"IdentityInfo":                OpUpdateUserIdentityInfo,
	"PhoneConfig":                 OpUpdateUserPhoneConfig,
	"AutoAcceptConfigs":           OpUpdateUserConfig,
	"AfterContactWorkConfigs":     OpUpdateUserConfig,
	"PhoneNumberConfigs":          OpUpdateUserConfig,
	"PersistentConnectionConfigs": OpUpdateUserConfig,
	"VoiceEnhancementConfigs":     OpUpdateUserConfig,
	"RoutingProfileId":            OpUpdateUserRoutingProfile,
	"SecurityProfileIds":          OpUpdateUserSecurityProfiles,
	"HierarchyGroupId":            OpUpdateUserHierarchy,
	"Tags":                        OpTagResource,
}

// MemberChange is one member that an operation changes: its path under
// the wire names ("PhoneConfig.AutoAccept", "Tags[team]") and its value
// before and after, as JSON (null for absent).
type MemberChange struct {
	Path string          `json:"path"`
	Old  json.RawMessage `json:"old"`
	New  json.RawMessage `json:"new"`
	// Sensitive marks names, email addresses and phone numbers: shown as
	// "(changed)" unless asked.
	Sensitive bool `json:"sensitive,omitempty"`
}

// Format prints m as {Path Old New} ({Path:… Old:… New:… Sensitive:true}
// with %+v), with the values of a sensitive member as "(changed)", so that
// no verb of fmt shows a name, an email address or a phone number of a
// plan. JSON and the plan's own forms (WriteText, WriteJSON) are as they
// document.
func (m MemberChange) Format(f fmt.State, _ rune) {
	before, after := m.Old, m.New
	if m.Sensitive {
		before, after = hiddenValue, hiddenValue
	}
	if f.Flag('+') || f.Flag('#') {
		fmt.Fprintf(f, "{Path:%s Old:%s New:%s Sensitive:%t}", m.Path, before, after, m.Sensitive)
		return
	}
	fmt.Fprintf(f, "{%s %s %s}", m.Path, before, after)
}

// Change is one operation that an update sends, with the members it
// changes.
type Change struct {
	// Operation is the API's name of the call, such as
	// UpdateUserRoutingProfile.
	Operation string `json:"operation"`
	// Members are the members that change, old and new.
	Members []MemberChange `json:"members"`
	// Request holds what the call sends, under CreateUser's member names:
	// IdentityInfo whole (the members the file leaves out as the user has
	// them), PhoneConfig whole, the channel lists, RoutingProfileId,
	// SecurityProfileIds, HierarchyGroupId (absent: no group) or the Tags
	// to set.
	Request *user.CreateUserInput `json:"request,omitempty"`
	// TagKeys are the keys that UntagResource removes.
	TagKeys []string `json:"tag_keys,omitempty"`
}

// Warning is what a plan reports and never acts on.
type Warning struct {
	// Member is the member's path.
	Member string `json:"member"`
	// Code is WarningReplaceRequired or WarningEmailChange.
	Code string `json:"code"`
	// Message says why, without the member's value.
	Message string `json:"message"`
}

// The codes of a plan's warnings.
const (
	// WarningReplaceRequired: the file gives a member that no operation
	// of the API changes for an existing user (Password,
	// DirectoryUserId); the user would have to be deleted and created
	// again, which a plan never does.
	WarningReplaceRequired = "replace-required"
	// WarningEmailChange: the plan changes a user's email address. The
	// service's documentation warns that whoever can change an address
	// can take the account over; check who asked for it.
	WarningEmailChange = "email-change"
)

// desiredForm returns a copy of in in the form that a diff compares:
// resource ids rather than ARNs, no managed-by tag.
func desiredForm(in *user.CreateUserInput) *user.CreateUserInput {
	d := in.Clone()
	d.RoutingProfileId = resourceID(d.RoutingProfileId)
	for i, id := range d.SecurityProfileIds {
		d.SecurityProfileIds[i] = resourceID(id)
	}
	if d.HierarchyGroupId != nil {
		d.HierarchyGroupId = new(resourceID(*d.HierarchyGroupId))
	}
	if d.Tags != nil {
		delete(d.Tags, ManagedTagKey)
	}
	return d
}

// merge returns the user that the file asks for: cur with every member
// the file gives (d, in desiredForm) laid over it. Members the file
// leaves out keep their current value.
func merge(d, cur *user.CreateUserInput) *user.CreateUserInput {
	m := cur.Clone()
	m.Password = nil
	if d.IdentityInfo != nil {
		ii := identity.Info{}
		if m.IdentityInfo != nil {
			ii = *m.IdentityInfo
		}
		over := func(dst **identity.Secret, src *identity.Secret) {
			if src != nil {
				*dst = new(*src)
			}
		}
		over(&ii.FirstName, d.IdentityInfo.FirstName)
		over(&ii.LastName, d.IdentityInfo.LastName)
		over(&ii.Email, d.IdentityInfo.Email)
		over(&ii.SecondaryEmail, d.IdentityInfo.SecondaryEmail)
		over(&ii.Mobile, d.IdentityInfo.Mobile)
		m.IdentityInfo = &ii
	}
	if dp := d.PhoneConfig; dp != nil {
		pc := user.PhoneConfig{}
		if m.PhoneConfig != nil {
			pc = *m.PhoneConfig
		}
		if dp.PhoneType != nil {
			pc.PhoneType = new(*dp.PhoneType)
		}
		if dp.AutoAccept != nil {
			pc.AutoAccept = new(*dp.AutoAccept)
		}
		if dp.AfterContactWorkTimeLimit != nil {
			pc.AfterContactWorkTimeLimit = new(*dp.AfterContactWorkTimeLimit)
		}
		if dp.DeskPhoneNumber != nil {
			pc.DeskPhoneNumber = new(*dp.DeskPhoneNumber)
		}
		if dp.PersistentConnection != nil {
			pc.PersistentConnection = new(*dp.PersistentConnection)
		}
		m.PhoneConfig = &pc
	}
	m.AutoAcceptConfigs = mergeChannels(m.AutoAcceptConfigs, d.AutoAcceptConfigs, func(c channel.AutoAcceptConfig) channel.Channel { return c.Channel })
	m.AfterContactWorkConfigs = mergeChannels(m.AfterContactWorkConfigs, d.AfterContactWorkConfigs, func(c channel.AfterContactWorkConfig) channel.Channel { return c.Channel })
	m.PhoneNumberConfigs = mergeChannels(m.PhoneNumberConfigs, d.PhoneNumberConfigs, func(c channel.PhoneNumberConfig) channel.Channel { return c.Channel })
	m.PersistentConnectionConfigs = mergeChannels(m.PersistentConnectionConfigs, d.PersistentConnectionConfigs, func(c channel.PersistentConnectionConfig) channel.Channel { return c.Channel })
	m.VoiceEnhancementConfigs = mergeChannels(m.VoiceEnhancementConfigs, d.VoiceEnhancementConfigs, func(c channel.VoiceEnhancementConfig) channel.Channel { return c.Channel })
	if d.RoutingProfileId != "" {
		m.RoutingProfileId = d.RoutingProfileId
	}
	if d.SecurityProfileIds != nil && !sameSet(d.SecurityProfileIds, m.SecurityProfileIds) {
		m.SecurityProfileIds = slices.Clone(d.SecurityProfileIds)
	}
	if d.HierarchyGroupId != nil {
		m.HierarchyGroupId = nil
		if *d.HierarchyGroupId != "" {
			m.HierarchyGroupId = new(*d.HierarchyGroupId)
		}
	}
	if d.Tags != nil {
		tags := map[string]string{}
		for k, v := range d.Tags {
			tags[k] = v
		}
		if v, ok := cur.Tags[ManagedTagKey]; ok {
			tags[ManagedTagKey] = v
		}
		if len(tags) == 0 {
			tags = nil
		}
		m.Tags = tags
	}
	return m
}

// mergeChannels replaces the entries of cur for the channels that want
// names (UpdateUserConfig replaces those and keeps the others), and adds
// those cur lacks. nil want leaves cur as it is.
func mergeChannels[T any](cur, want []T, ch func(T) channel.Channel) []T {
	if want == nil {
		return cur
	}
	out := slices.Clone(cur)
	for _, w := range want {
		i := slices.IndexFunc(out, func(c T) bool { return ch(c) == ch(w) })
		if i >= 0 {
			out[i] = w
		} else {
			out = append(out, w)
		}
	}
	return out
}

// sameSet reports whether a and b hold the same ids, in any order.
func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(slices.Compact(x), slices.Compact(y))
}

// Diff returns the operations that bring cur (a user as the instance
// holds it, as Current.Input) to what desired (a file's entry for the
// same Username) asks for, each with the members it changes, and the
// warnings. Members desired leaves out are not managed and never
// change. The members are compared with go-cmp.
func Diff(desired, cur *user.CreateUserInput) ([]Change, []Warning) {
	d := desiredForm(desired)
	var warnings []Warning
	if d.Password != nil {
		warnings = append(warnings, Warning{Member: "Password", Code: WarningReplaceRequired,
			Message: "The service has no operation that changes the password of an existing user; the file's password is not used."})
	}
	if d.DirectoryUserId != nil && (cur.DirectoryUserId == nil || *cur.DirectoryUserId != *d.DirectoryUserId) {
		warnings = append(warnings, Warning{Member: "DirectoryUserId", Code: WarningReplaceRequired,
			Message: "The file's DirectoryUserId differs from the user's; no operation changes it."})
	}
	m := merge(d, cur)
	old := cur.Clone()
	old.Password = nil
	// Only the members that operations change are compared.
	old.DirectoryUserId, m.DirectoryUserId = nil, nil
	if old.Tags == nil && m.Tags != nil {
		old.Tags = map[string]string{} // tags added are shown one by one
	}
	r := &memberReporter{}
	cmp.Equal(old, m, cmp.Reporter(r))

	byOp := map[string]*Change{}
	for _, mc := range r.out {
		top, _, _ := strings.Cut(mc.Path, ".")
		top, _, _ = strings.Cut(top, "[")
		op, ok := memberOperation[top]
		if !ok {
			continue
		}
		if top == "SecurityProfileIds" {
			mc = MemberChange{Path: top, Old: jsonOf(reflect.ValueOf(old.SecurityProfileIds)), New: jsonOf(reflect.ValueOf(m.SecurityProfileIds))}
		}
		if top == "Tags" && string(mc.New) == "null" {
			op = OpUntagResource
		}
		c := byOp[op]
		if c == nil {
			c = &Change{Operation: op}
			byOp[op] = c
		}
		if !slices.ContainsFunc(c.Members, func(x MemberChange) bool { return x.Path == mc.Path }) {
			c.Members = append(c.Members, mc)
		}
	}
	var out []Change
	for _, op := range updateOrder {
		c := byOp[op]
		if c == nil {
			continue
		}
		c.Request = &user.CreateUserInput{}
		switch op {
		case OpUpdateUserIdentityInfo:
			c.Request.IdentityInfo = m.IdentityInfo
			for _, mc := range c.Members {
				if mc.Path == "IdentityInfo.Email" || (mc.Path == "IdentityInfo" && d.IdentityInfo.Email != nil) {
					warnings = append(warnings, Warning{Member: "IdentityInfo.Email", Code: WarningEmailChange,
						Message: "The plan changes the user's email address; whoever can change it can take the account over (the service's advice): check who asked."})
				}
			}
		case OpUpdateUserPhoneConfig:
			c.Request.PhoneConfig = m.PhoneConfig
		case OpUpdateUserConfig:
			changed := func(name string) bool {
				return slices.ContainsFunc(c.Members, func(x MemberChange) bool { return strings.HasPrefix(x.Path, name) })
			}
			if changed("AutoAcceptConfigs") {
				c.Request.AutoAcceptConfigs = d.AutoAcceptConfigs
			}
			if changed("AfterContactWorkConfigs") {
				c.Request.AfterContactWorkConfigs = d.AfterContactWorkConfigs
			}
			if changed("PhoneNumberConfigs") {
				c.Request.PhoneNumberConfigs = d.PhoneNumberConfigs
			}
			if changed("PersistentConnectionConfigs") {
				c.Request.PersistentConnectionConfigs = d.PersistentConnectionConfigs
			}
			if changed("VoiceEnhancementConfigs") {
				c.Request.VoiceEnhancementConfigs = d.VoiceEnhancementConfigs
			}
		case OpUpdateUserRoutingProfile:
			c.Request.RoutingProfileId = m.RoutingProfileId
		case OpUpdateUserSecurityProfiles:
			c.Request.SecurityProfileIds = m.SecurityProfileIds
		case OpUpdateUserHierarchy:
			c.Request.HierarchyGroupId = m.HierarchyGroupId
		case OpTagResource:
			c.Request.Tags = map[string]string{}
			for k, v := range m.Tags {
				if old.Tags[k] != v || !hasKey(old.Tags, k) {
					c.Request.Tags[k] = v
				}
			}
		case OpUntagResource:
			c.Request = nil
			for k := range old.Tags {
				if !hasKey(m.Tags, k) {
					c.TagKeys = append(c.TagKeys, k)
				}
			}
			slices.Sort(c.TagKeys)
		}
		out = append(out, *c)
	}
	return out, warnings
}

func hasKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}

// memberReporter collects the leaves that differ, as go-cmp reports
// them, with their paths under the wire names.
type memberReporter struct {
	path cmp.Path
	out  []MemberChange
}

func (r *memberReporter) PushStep(ps cmp.PathStep) { r.path = append(r.path, ps) }
func (r *memberReporter) PopStep()                 { r.path = r.path[:len(r.path)-1] }

func (r *memberReporter) Report(rs cmp.Result) {
	if rs.Equal() {
		return
	}
	vx, vy := r.path.Last().Values()
	t := r.path.Last().Type()
	r.out = append(r.out, MemberChange{Path: formatPath(r.path), Old: jsonOf(vx), New: jsonOf(vy), Sensitive: holdsSecret(t, 0)})
}

// formatPath renders a go-cmp path as wire names: IdentityInfo.FirstName,
// AutoAcceptConfigs[0].AutoAccept, Tags[team].
func formatPath(p cmp.Path) string {
	var b strings.Builder
	for _, s := range p[1:] {
		switch s := s.(type) {
		case cmp.StructField:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.Name())
		case cmp.MapIndex:
			fmt.Fprintf(&b, "[%v]", s.Key().Interface())
		case cmp.SliceIndex:
			k := s.Key()
			if k < 0 {
				kx, ky := s.SplitKeys()
				k = max(kx, ky)
			}
			fmt.Fprintf(&b, "[%d]", k)
		}
	}
	return b.String()
}

// jsonOf encodes v as JSON: null for an invalid value or a nil pointer.
func jsonOf(v reflect.Value) json.RawMessage {
	if !v.IsValid() {
		return json.RawMessage("null")
	}
	b, err := json.Marshal(v.Interface())
	if err != nil {
		return json.RawMessage("null")
	}
	return b
}

var secretType = reflect.TypeFor[identity.Secret]()

// holdsSecret reports whether a value of t holds a name, an email address
// or a phone number (an identity.Secret), at any depth.
func holdsSecret(t reflect.Type, depth int) bool {
	if t == nil || depth > 8 {
		return false
	}
	if t == secretType {
		return true
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return holdsSecret(t.Elem(), depth+1)
	case reflect.Struct:
		for i := range t.NumField() {
			if holdsSecret(t.Field(i).Type, depth+1) {
				return true
			}
		}
	}
	return false
}

// resourceID returns the id that s names: s, or the last path segment of
// an ARN.
func resourceID(s string) string {
	if strings.HasPrefix(s, "arn:") {
		if i := strings.LastIndexByte(s, '/'); i >= 0 {
			return s[i+1:]
		}
	}
	return s
}
