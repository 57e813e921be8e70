package onboard

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// Export reads every user of the instance (WithInstanceID) whole, sorted
// by Username: SearchUsers pages (500 a page), then one DescribeUser per
// user, because SearchUsers does not return Email, SecondaryEmail and
// Mobile. progress, when not nil, is called after each user is read.
func (a *Applier) Export(ctx context.Context, progress func(done, total int)) ([]*Current, error) {
	id := instanceID(a.cfg.instanceID)
	if id == "" {
		return nil, ErrNoInstance
	}
	users, err := a.currentUsers(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]*Current, 0, len(users))
	for i, u := range users {
		d, err := a.describeUser(ctx, id, u.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
		if progress != nil {
			progress(i+1, len(users))
		}
	}
	return out, nil
}

// Document returns the user as a request document: ids, no Password,
// no managed-by tag, and no PhoneConfig member that a channel list of the
// user holds too (a request may not give both).
func (c *Current) Document() *user.CreateUserInput {
	d := c.Input.Clone()
	d.Password = nil
	if d.Tags != nil {
		delete(d.Tags, ManagedTagKey)
		if len(d.Tags) == 0 {
			d.Tags = nil
		}
	}
	if pc := d.PhoneConfig; pc != nil {
		if d.AutoAcceptConfigs != nil {
			pc.AutoAccept = nil
		}
		if d.AfterContactWorkConfigs != nil {
			pc.AfterContactWorkTimeLimit = nil
		}
		if d.PhoneNumberConfigs != nil {
			pc.PhoneType, pc.DeskPhoneNumber = nil, nil
		}
		if d.PersistentConnectionConfigs != nil {
			pc.PersistentConnection = nil
		}
		if *pc == (user.PhoneConfig{}) {
			d.PhoneConfig = nil
		}
	}
	return d
}

// WriteDocuments writes users as JSON Lines, one request document a
// line (Current.Document).
func WriteDocuments(w io.Writer, users []*Current) error {
	enc := json.NewEncoder(w)
	for _, u := range users {
		if err := enc.Encode(u.Document()); err != nil {
			return err
		}
	}
	return nil
}

// TemplateHeader is the header row of the admin website's bulk-upload
// template, the 16 columns in its order.
func TemplateHeader() []string {
	out := make([]string, len(templateColumns))
	for i, c := range templateColumns {
		out[i] = c.name
	}
	return out
}

// WriteTemplate writes users as the 16-column template, with the names
// of their profiles and the path of their hierarchy group (read through
// the paced reader: the listings, and one DescribeUserHierarchyGroup per
// group), the password column empty and no managed-by tag. What the
// template has no column for (the channel lists, DirectoryUserId) is
// left out: a plan of the file leaves it as it is.
func (a *Applier) WriteTemplate(ctx context.Context, w io.Writer, users []*Current) error {
	id := instanceID(a.cfg.instanceID)
	var dir names
	var err error
	if dir.security, err = a.reader.Listing(ctx, id, awsconnect.SecurityProfiles); err != nil {
		return err
	}
	if dir.routing, err = a.reader.Listing(ctx, id, awsconnect.RoutingProfiles); err != nil {
		return err
	}
	dir.paths = map[string][]string{}
	for _, u := range users {
		g := u.Input.HierarchyGroupId
		if g == nil {
			continue
		}
		if _, ok := dir.paths[*g]; ok {
			continue
		}
		path, err := a.reader.HierarchyPath(ctx, id, *g)
		if err != nil {
			return err
		}
		for _, p := range path {
			dir.paths[*g] = append(dir.paths[*g], p.Name)
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(TemplateHeader()); err != nil {
		return err
	}
	for _, u := range users {
		rec, err := templateRow(u.Document(), &dir)
		if err != nil {
			return err
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// names are the names of an instance's resources, by id.
type names struct {
	security, routing *awsconnect.Listing
	paths             map[string][]string // hierarchy group id: its path of names
}

// ErrUnnamed is returned by WriteTemplate for a user whose profile or
// group the instance's listings do not name.
var ErrUnnamed = errors.New("onboard: a user's profile or group has no name in the instance's listings")

// templateRow returns the template's cells for d.
func templateRow(d *user.CreateUserInput, dir *names) ([]string, error) {
	cell := map[string]string{ColUserLogin: d.Username}
	s := func(p *identity.Secret) string {
		if p == nil {
			return ""
		}
		return p.Reveal()
	}
	if ii := d.IdentityInfo; ii != nil {
		cell[ColFirstName], cell[ColLastName], cell[ColEmail] = s(ii.FirstName), s(ii.LastName), s(ii.Email)
		cell[ColSecondaryEmail], cell[ColMobile] = s(ii.SecondaryEmail), s(ii.Mobile)
	}
	if d.RoutingProfileId != "" {
		r, ok := dir.routing.ByID(d.RoutingProfileId)
		if !ok {
			return nil, ErrUnnamed
		}
		cell[ColRoutingProfile] = r.Name
	}
	var sp []string
	for _, id := range d.SecurityProfileIds {
		r, ok := dir.security.ByID(id)
		if !ok {
			return nil, ErrUnnamed
		}
		sp = append(sp, r.Name)
	}
	cell[ColSecurityProfiles] = strings.Join(sp, "|")
	if d.HierarchyGroupId != nil {
		path, ok := dir.paths[*d.HierarchyGroupId]
		if !ok || len(path) == 0 {
			return nil, ErrUnnamed
		}
		cell[ColUserHierarchy] = strings.Join(path, "|")
	}
	if pc := d.PhoneConfig; pc != nil {
		if pc.PhoneType != nil {
			cell[ColPhoneType] = "soft"
			if *pc.PhoneType == channel.DeskPhone {
				cell[ColPhoneType] = "desk"
			}
		}
		cell[ColPhoneNumber] = s(pc.DeskPhoneNumber)
		if pc.AutoAccept != nil {
			cell[ColAutoAccept] = "no"
			if *pc.AutoAccept {
				cell[ColAutoAccept] = "yes"
			}
		}
		if pc.AfterContactWorkTimeLimit != nil {
			cell[ColACWTimeout] = strconv.FormatInt(*pc.AfterContactWorkTimeLimit, 10)
		}
	}
	var tags []string
	for _, k := range slices.Sorted(maps.Keys(d.Tags)) {
		tags = append(tags, k+"="+d.Tags[k])
	}
	cell[ColTags] = strings.Join(tags, "|")
	rec := make([]string, len(templateColumns))
	for i, c := range templateColumns {
		rec[i] = cell[c.name]
	}
	return rec, nil
}

// Names returns the instance's names read through the Applier's
// look-ups (its token bucket and retries), for Importer and WriteTemplate.
func (a *Applier) Names() *InstanceNames {
	id := instanceID(a.cfg.instanceID)
	return &InstanceNames{reader: a.reader, resolver: awsconnect.NewResolver(a.api, id, awsconnect.WithReader(a.reader)), instance: id}
}
