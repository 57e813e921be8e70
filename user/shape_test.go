package user

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// The shape of a CreateUser request, for the fuzz targets: a violation's
// Field (and each Related path) must name a member the request has. The
// shape is written as the wire paths of its leaves and lists, [i] for any
// index and [k] for any tag key; a path is in the shape when it is one of
// these or an ancestor of one, with real indexes and keys in place of [i]
// and [k], and "" (the document). The paths are compared segment by
// segment (Child, Index, Key), not as strings, so that a tag key holding
// "." or "[0]" cannot pass for something else.
var shapeTemplates = []string{
	"InstanceId",
	"Username",
	"Password",
	"IdentityInfo.FirstName",
	"IdentityInfo.LastName",
	"IdentityInfo.Email",
	"IdentityInfo.SecondaryEmail",
	"IdentityInfo.Mobile",
	"PhoneConfig.PhoneType",
	"PhoneConfig.AutoAccept",
	"PhoneConfig.AfterContactWorkTimeLimit",
	"PhoneConfig.DeskPhoneNumber",
	"PhoneConfig.PersistentConnection",
	"DirectoryUserId",
	"SecurityProfileIds[i]",
	"RoutingProfileId",
	"HierarchyGroupId",
	"AutoAcceptConfigs[i].Channel",
	"AutoAcceptConfigs[i].AutoAccept",
	"AutoAcceptConfigs[i].AgentFirstCallbackAutoAccept",
	"AfterContactWorkConfigs[i].Channel",
	"AfterContactWorkConfigs[i].AfterContactWorkConfig.AfterContactWorkTimeLimit",
	"AfterContactWorkConfigs[i].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit",
	"PhoneNumberConfigs[i].Channel",
	"PhoneNumberConfigs[i].PhoneType",
	"PhoneNumberConfigs[i].PhoneNumber",
	"PersistentConnectionConfigs[i].Channel",
	"PersistentConnectionConfigs[i].PersistentConnection",
	"VoiceEnhancementConfigs[i].Channel",
	"VoiceEnhancementConfigs[i].VoiceEnhancementMode",
	"Tags[k]",
}

// shapeNode is a node of the shape: an object with members, a list with
// elements, a map with values, or a leaf (none of them).
type shapeNode struct {
	members map[string]*shapeNode
	elem    *shapeNode // [i]
	value   *shapeNode // [k]
}

// shapeRoot is the request object, built from shapeTemplates.
var shapeRoot = func() *shapeNode {
	root := &shapeNode{}
	for _, tmpl := range shapeTemplates {
		n := root
		for _, part := range strings.Split(tmpl, ".") {
			name, rest, _ := strings.Cut(part, "[")
			if n.members == nil {
				n.members = make(map[string]*shapeNode)
			}
			if n.members[name] == nil {
				n.members[name] = &shapeNode{}
			}
			n = n.members[name]
			switch rest {
			case "":
			case "i]":
				if n.elem == nil {
					n.elem = &shapeNode{}
				}
				n = n.elem
			case "k]":
				if n.value == nil {
					n.value = &shapeNode{}
				}
				n = n.value
			default:
				panic("bad shape template " + tmpl)
			}
		}
	}
	return root
}()

// shapeError returns nil when p is in the request's shape, or, when
// unknownLeaf is set, when p's parent is an object of the shape and only
// its last member is unknown (the path of an unknown member). Otherwise it
// says where p leaves the shape.
func shapeError(p cuerrors.Path, unknownLeaf bool) error {
	chain := make([]cuerrors.Path, p.Len()+1)
	chain[p.Len()] = p
	for k := p.Len(); k > 0; k-- {
		chain[k-1] = chain[k].Parent()
	}
	n := shapeRoot
	for k := 1; k < len(chain); k++ {
		parent, step := chain[k-1], chain[k]
		prev, full := parent.String(), step.String()
		if !strings.HasPrefix(full, prev) {
			return fmt.Errorf("%q: %q does not render as an extension of %q", p.String(), full, prev)
		}
		seg := full[len(prev):]
		last := k == len(chain)-1
		switch {
		case n.members != nil:
			name := seg
			if k > 1 {
				if !strings.HasPrefix(seg, ".") {
					return fmt.Errorf("%q: %q is not a member of %q", p.String(), seg, prev)
				}
				name = seg[1:]
			}
			if strings.HasPrefix(name, `"`) { // a quoted name (Path.String)
				if u, err := strconv.Unquote(name); err == nil {
					name = u
				}
			}
			if !parent.Child(name).Equal(step) {
				return fmt.Errorf("%q: segment %q of %q is not a member", p.String(), seg, prev)
			}
			next := n.members[name]
			if next == nil {
				if unknownLeaf && last {
					return nil
				}
				return fmt.Errorf("%q: %q has no member %q", p.String(), prev, name)
			}
			n = next
		case n.elem != nil:
			i, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(seg, "["), "]"))
			if err != nil || i < 0 || !parent.Index(i).Equal(step) {
				return fmt.Errorf("%q: %q is not an index of the list %q", p.String(), seg, prev)
			}
			n = n.elem
		case n.value != nil:
			key := ""
			if len(seg) >= 2 {
				key = seg[1 : len(seg)-1]
			}
			if strings.HasPrefix(key, `"`) { // a quoted key (Path.String)
				if u, err := strconv.Unquote(key); err == nil {
					key = u
				}
			}
			if len(seg) < 2 || seg[0] != '[' || seg[len(seg)-1] != ']' || !parent.Key(key).Equal(step) {
				return fmt.Errorf("%q: %q is not a key of the map %q", p.String(), seg, prev)
			}
			n = n.value
		default:
			return fmt.Errorf("%q: %q has nothing below it", p.String(), prev)
		}
	}
	return nil
}

// checkShape fails t for every violation of list whose Field or Related
// path is not in the request's shape. An unknown member's violation may
// name a member the shape lacks below an object it has, and so may a
// nesting too deep in such a member's value.
func checkShape(t testing.TB, where string, list cuerrors.List) {
	t.Helper()
	var unknown []cuerrors.Path
	for i := range list {
		v := &list[i]
		leaf := v.Code == cuerrors.CodeUnknown
		if v.Rule == catalog[rDocumentTooDeep].ID {
			for _, u := range unknown {
				leaf = leaf || u.Equal(v.Field)
			}
		}
		if err := shapeError(v.Field, leaf); err != nil {
			t.Errorf("%s: violation %d (%s): field: %v", where, i, v.Rule, err)
		}
		if leaf && v.Code == cuerrors.CodeUnknown {
			unknown = append(unknown, v.Field)
		}
		for _, r := range v.Related {
			if err := shapeError(r, false); err != nil {
				t.Errorf("%s: violation %d (%s): related: %v", where, i, v.Rule, err)
			}
		}
	}
}

// checkCatalog fails t for a violation whose code is not known, whose
// severity is not set, or whose rule is not a row of the catalog with
// that code and severity, that applies under typ.
func checkCatalog(t testing.TB, where string, typ identity.Type, list cuerrors.List) {
	t.Helper()
	for i := range list {
		v := &list[i]
		if !v.Code.Known() {
			t.Errorf("%s: violation %d: unknown code %q", where, i, v.Code)
		}
		if v.Severity != cuerrors.SeverityError && v.Severity != cuerrors.SeverityWarning {
			t.Errorf("%s: violation %d: severity %v", where, i, v.Severity)
		}
		row, ok := catalogRow(v.Rule)
		switch {
		case !ok:
			t.Errorf("%s: violation %d: rule %q is not in the catalog", where, i, v.Rule)
		case row.Code != v.Code || row.Severity != v.Severity:
			t.Errorf("%s: violation %d: (%s, %s) under rule %s, whose row says (%s, %s)", where, i, v.Code, v.Severity, v.Rule, row.Code, row.Severity)
		case typ.Known() && len(row.Identity) > 0 && !containsType(row.Identity, typ):
			t.Errorf("%s: violation %d: rule %s reported under %s", where, i, v.Rule, typ)
		}
		if v.Message == "" {
			t.Errorf("%s: violation %d (%s): no message", where, i, v.Rule)
		}
		if sensitiveField(v.Field.String()) && !v.Value.IsZero() {
			t.Errorf("%s: violation %d (%s) at the sensitive %s carries a value", where, i, v.Rule, v.Field)
		}
	}
}

func containsType(types []identity.Type, t identity.Type) bool {
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

// TestShapeChecker holds the shape checker itself to paths in and out of
// the shape.
func TestShapeChecker(t *testing.T) {
	in := []cuerrors.Path{
		{},
		cuerrors.NewPath("Username"),
		cuerrors.NewPath("IdentityInfo"),
		cuerrors.NewPath("IdentityInfo").Child("Mobile"),
		cuerrors.NewPath("SecurityProfileIds").Index(12),
		cuerrors.NewPath("AfterContactWorkConfigs").Index(3).Child("AgentFirstCallbackAfterContactWorkConfig").Child("AfterContactWorkTimeLimit"),
		cuerrors.NewPath("Tags").Key("env"),
		cuerrors.NewPath("Tags").Key("a.b[0]"),
		cuerrors.NewPath("Tags").Key(""),
		cuerrors.NewPath("Tags").Key("]["),
	}
	out := []cuerrors.Path{
		cuerrors.NewPath("username"),
		cuerrors.NewPath("IdentityInfo").Child("Phone"),
		cuerrors.NewPath("SecurityProfileIds").Child("x"),
		cuerrors.NewPath("SecurityProfileIds").Key("0"),
		cuerrors.NewPath("SecurityProfileIds").Index(0).Child("Channel"),
		cuerrors.NewPath("AutoAcceptConfigs").Index(0).Index(1),
		cuerrors.NewPath("Tags").Index(0),
		cuerrors.NewPath("Tags").Child("env"),
		cuerrors.NewPath("Tags").Key("env").Child("x"),
		cuerrors.NewPath("Username").Child("x"),
		cuerrors.NewPath("IdentityInfo.Email"), // one member with a dot in its name
		cuerrors.NewPath("x").Child("y"),
	}
	for _, p := range in {
		if err := shapeError(p, false); err != nil {
			t.Errorf("in the shape: %v", err)
		}
	}
	for _, p := range out {
		if shapeError(p, false) == nil {
			t.Errorf("%q is taken for a path of the shape", p.String())
		}
	}
	for _, p := range []cuerrors.Path{cuerrors.NewPath("x"), cuerrors.NewPath("IdentityInfo").Child("Phone"), cuerrors.NewPath("AutoAcceptConfigs").Index(2).Child("Chanel")} {
		if err := shapeError(p, true); err != nil {
			t.Errorf("an unknown member: %v", err)
		}
	}
	for _, p := range []cuerrors.Path{cuerrors.NewPath("x").Child("y"), cuerrors.NewPath("Username").Child("x"), cuerrors.NewPath("Tags").Key("k").Child("x"), cuerrors.NewPath("SecurityProfileIds").Child("x")} {
		if shapeError(p, true) == nil {
			t.Errorf("%q is taken for an unknown member of an object", p.String())
		}
	}
}
