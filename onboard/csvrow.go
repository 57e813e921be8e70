package onboard

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// cell returns the trimmed value of column name in rec, "" when the file
// has no such column.
func (h *header) cell(rec []string, name string) string {
	i, ok := h.index[name]
	if !ok {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// column returns the header of column name as the file spells it.
func (h *header) column(name string) string {
	if i, ok := h.index[name]; ok {
		return strings.TrimSpace(h.text[i])
	}
	return name
}

// row builds the request of one data row into row: its problems, and its
// Input when none is an error. An error returned is a failed look-up.
func (im *Importer) row(ctx context.Context, h *header, rec []string, row *Row) error {
	in := &user.CreateUserInput{InstanceId: im.instanceID, Username: h.cell(rec, ColUserLogin)}
	problem := func(col, rule string, code cuerrors.Code, msg string, value cuerrors.Value) {
		row.Problems = append(row.Problems, Problem{Source: row.Origin.Source, Line: row.Origin.Line, Column: h.column(col),
			Violation: cuerrors.Violation{Code: code, Severity: cuerrors.SeverityError, Rule: rule, Message: msg, Value: value}})
	}
	secret := func(col string) *identity.Secret {
		if v := h.cell(rec, col); v != "" {
			s := identity.Secret(v)
			return &s
		}
		return nil
	}
	in.Password = secret(ColPassword)
	info := identity.Info{FirstName: secret(ColFirstName), LastName: secret(ColLastName), Email: secret(ColEmail),
		SecondaryEmail: secret(ColSecondaryEmail), Mobile: secret(ColMobile)}
	if info != (identity.Info{}) {
		in.IdentityInfo = &info
	}
	// Names: a name the instance does not have is a reference problem; a
	// failed look-up stops the import.
	resolve := func(col, rule string, id string, err error) (string, bool, error) {
		var ne *NameError
		if errors.As(err, &ne) {
			problem(col, rule, CodeReference, ne.Error(), cuerrors.StringValue(ne.Name))
			return "", false, nil
		}
		return id, err == nil, err
	}
	for _, name := range splitList(h.cell(rec, ColSecurityProfiles)) {
		id, err := im.names.SecurityProfile(ctx, name)
		id, ok, err := resolve(ColSecurityProfiles, RuleNameSecurity, id, err)
		if err != nil {
			return err
		}
		if ok {
			in.SecurityProfileIds = append(in.SecurityProfileIds, id)
		}
	}
	if name := h.cell(rec, ColRoutingProfile); name != "" {
		id, err := im.names.RoutingProfile(ctx, name)
		id, ok, err := resolve(ColRoutingProfile, RuleNameRouting, id, err)
		if err != nil {
			return err
		}
		if ok {
			in.RoutingProfileId = id
		}
	}
	var pathID, nameID string
	var pathOK, nameOK bool
	if path := splitList(h.cell(rec, ColUserHierarchy)); len(path) > 0 {
		id, err := im.names.HierarchyGroup(ctx, path)
		var rerr error
		if pathID, pathOK, rerr = resolve(ColUserHierarchy, RuleNameHierarchy, id, err); rerr != nil {
			return rerr
		}
	}
	if name := h.cell(rec, ColAgentHierarchy); name != "" {
		id, err := im.names.HierarchyGroupNamed(ctx, name)
		var rerr error
		if nameID, nameOK, rerr = resolve(ColAgentHierarchy, RuleNameHierarchy, id, err); rerr != nil {
			return rerr
		}
	}
	switch {
	case pathOK && nameOK && pathID != nameID:
		problem(ColAgentHierarchy, RuleHierarchyConflict, cuerrors.CodeConflict,
			fmt.Sprintf("The agent hierarchy names another group than %s; leave one of them empty.", h.column(ColUserHierarchy)), cuerrors.Value{})
	case pathOK:
		in.HierarchyGroupId = &pathID
	case nameOK:
		in.HierarchyGroupId = &nameID
	}
	im.phone(h, rec, in, problem)
	if tags := h.cell(rec, ColTags); tags != "" {
		tagMap := map[string]string{}
		for _, pair := range strings.Split(tags, "|") {
			k, v, ok := strings.Cut(pair, "=")
			k = strings.TrimSpace(k)
			if !ok {
				problem(ColTags, RuleTagsSyntax, cuerrors.CodeSyntax, "Tags are key=value pairs separated by |.", cuerrors.StringValue(pair))
				continue
			}
			if _, dup := tagMap[k]; dup {
				problem(ColTags, RuleTagsDuplicate, cuerrors.CodeDuplicate, "The same tag key appears twice.", cuerrors.StringValue(k))
				continue
			}
			tagMap[k] = strings.TrimSpace(v)
		}
		if len(tagMap) > 0 {
			in.Tags = tagMap
		}
	}
	if im.skipCatalog {
		for _, p := range row.Problems {
			if p.Violation.Severity == cuerrors.SeverityError {
				return nil
			}
		}
		row.Input = in
		return nil
	}
	// The catalog, each violation against its column; a column whose
	// value could not be read or resolved was reported already.
	reported := map[string]bool{}
	for _, p := range row.Problems {
		reported[p.Column] = true
	}
	for _, v := range im.validator.Validate(in) {
		if im.instanceID == "" && v.Field.String() == "InstanceId" {
			continue // apply --instance-id fills it in
		}
		col := columnOf(v.Field, h, rec)
		if col != "" && reported[col] {
			continue
		}
		row.Problems = append(row.Problems, Problem{Source: row.Origin.Source, Line: row.Origin.Line, Column: col, Violation: v})
	}
	for _, p := range row.Problems {
		if p.Violation.Severity == cuerrors.SeverityError {
			return nil
		}
	}
	row.Input = in
	return nil
}

// phone fills PhoneConfig from the phone columns.
func (im *Importer) phone(h *header, rec []string, in *user.CreateUserInput, problem func(col, rule string, code cuerrors.Code, msg string, value cuerrors.Value)) {
	var pc user.PhoneConfig
	set := false
	switch t := strings.ToLower(h.cell(rec, ColPhoneType)); t {
	case "":
	case "soft", "soft_phone":
		pt := channel.PhoneType("SOFT_PHONE")
		pc.PhoneType, set = &pt, true
	case "desk", "desk_phone":
		pt := channel.PhoneType("DESK_PHONE")
		pc.PhoneType, set = &pt, true
	default:
		problem(ColPhoneType, RulePhoneTypeEnum, cuerrors.CodeEnum, "The phone type is soft or desk.", cuerrors.StringValue(h.cell(rec, ColPhoneType)))
	}
	if n := h.cell(rec, ColPhoneNumber); n != "" {
		s := identity.Secret(n)
		pc.DeskPhoneNumber, set = &s, true
	}
	// "no" and an ACW timeout of 0 are what the service stores for a
	// user created without them (DescribeUser answers AutoAccept false
	// and AfterContactWorkTimeLimit 0), and what the AWS SDK for Go
	// cannot send: the member is left out, which creates the same user.
	switch a := strings.ToLower(h.cell(rec, ColAutoAccept)); a {
	case "", "no", "false", "n":
	case "yes", "true", "y":
		pc.AutoAccept, set = new(true), true
	default:
		problem(ColAutoAccept, RuleAutoAcceptEnum, cuerrors.CodeEnum, "Soft phone auto accept is yes or no.", cuerrors.StringValue(h.cell(rec, ColAutoAccept)))
	}
	if s := h.cell(rec, ColACWTimeout); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			problem(ColACWTimeout, RuleACWTimeoutType, cuerrors.CodeType, "The ACW timeout is a whole number of seconds, 0 to 2,000,000.", cuerrors.StringValue(s))
		} else if n != 0 {
			pc.AfterContactWorkTimeLimit, set = &n, true
		}
	}
	if set {
		in.PhoneConfig = &pc
	}
}

// fieldColumns maps the wire paths of the catalog to the template's
// columns.
var fieldColumns = map[string]string{
	"Username":                              ColUserLogin,
	"Password":                              ColPassword,
	"IdentityInfo.FirstName":                ColFirstName,
	"IdentityInfo.LastName":                 ColLastName,
	"IdentityInfo.Email":                    ColEmail,
	"IdentityInfo.SecondaryEmail":           ColSecondaryEmail,
	"IdentityInfo.Mobile":                   ColMobile,
	"SecurityProfileIds":                    ColSecurityProfiles,
	"RoutingProfileId":                      ColRoutingProfile,
	"PhoneConfig":                           ColPhoneType,
	"PhoneConfig.PhoneType":                 ColPhoneType,
	"PhoneConfig.DeskPhoneNumber":           ColPhoneNumber,
	"PhoneConfig.AutoAccept":                ColAutoAccept,
	"PhoneConfig.AfterContactWorkTimeLimit": ColACWTimeout,
	"Tags":                                  ColTags,
}

// columnOf returns the header of the column that holds the member at p,
// "" for a member of no column (InstanceId).
func columnOf(p cuerrors.Path, h *header, rec []string) string {
	for q := p; q.Len() > 0; q = q.Parent() {
		key := q.String()
		if i := strings.IndexByte(key, '['); i >= 0 {
			key = key[:i]
		}
		if key == "HierarchyGroupId" {
			if h.cell(rec, ColUserHierarchy) != "" {
				return h.column(ColUserHierarchy)
			}
			return h.column(ColAgentHierarchy)
		}
		if col, ok := fieldColumns[key]; ok {
			return h.column(col)
		}
	}
	return ""
}
