package connecttest

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// maxTags is how many tags a resource holds at most, after a TagResource
// merges its tags with the ones the resource has.
const maxTags = 50

// userOfARN reads a user's ARN of this server's partition, region and
// account, arn:PARTITION:connect:REGION:ACCOUNT:instance/INSTANCE/agent/USER,
// into the path parameters of the user operations (InstanceId, UserId).
func (s *Server) userOfARN(arn string) ([]string, bool) {
	rest, found := strings.CutPrefix(arn, s.instanceARN(""))
	if !found {
		return nil, false
	}
	instance, id, found := strings.Cut(rest, "/agent/")
	if !found || instance == "" || id == "" || strings.Contains(instance, "/") || strings.Contains(id, "/") {
		return nil, false
	}
	return []string{instance, id}, true
}

// tagUpdate judges and applies a TagResource or UntagResource of the
// resource arn: a user's ARN. An ARN that is not one of this server's users
// is judged by the catalog first (a malformed ARN is a 400), then a 404
// ResourceNotFoundException.
func (s *Server) tagUpdate(arn string, req user.Request, check func(next *User) *response, apply func(next *User)) response {
	params, isUser := s.userOfARN(arn)
	if !isUser {
		if list := s.validators[identity.ConnectManaged].ValidateRequest(req); list.HasErrors() {
			return catalogError(list)
		}
		return notFound("Resource " + arn + " not found")
	}
	return s.updateUser(params, req, func(_ *instanceState, next *User) *response {
		if bad := check(next); bad != nil {
			return bad
		}
		apply(next)
		return nil
	})
}

// reservedTagKey reports whether a tag key is the service's (aws: in any
// letter case), which a request may not set. The catalog refuses such a key
// first (rule tags.key.reserved, with the violation in the answer); this
// holds the service's answer whatever the catalog's rows.
func reservedTagKey(k string) bool {
	return len(k) >= 4 && strings.EqualFold(k[:4], "aws:")
}

// tagResource is TagResource: POST /tags/{resourceArn}. The tags given are
// merged into the user's (a key the user has takes the new value); more
// than 50 tags after the merge is a 400 InvalidParameterException and
// changes nothing.
func (s *Server) tagResource(r *http.Request, params []string) response {
	in := &user.TagResourceInput{}
	if bad := decodeBody(r, in, "resourceArn"); bad != nil {
		return *bad
	}
	in.ResourceArn = params[0]
	return s.tagUpdate(in.ResourceArn, in, func(next *User) *response {
		for k := range in.Tags {
			if reservedTagKey(k) {
				r := invalidParameter("A tag key must not begin with aws:, which the service reserves")
				return &r
			}
		}
		n := len(next.Tags)
		for k := range in.Tags {
			if _, has := next.Tags[k]; !has {
				n++
			}
		}
		if n > maxTags {
			r := invalidParameter("A resource holds at most " + strconv.Itoa(maxTags) + " tags; with these it would hold " + strconv.Itoa(n))
			return &r
		}
		return nil
	}, func(next *User) {
		if next.Tags == nil {
			next.Tags = make(map[string]string, len(in.Tags))
		}
		for k, v := range in.Tags {
			next.Tags[k] = v
		}
	})
}

// untagResource is UntagResource: DELETE /tags/{resourceArn}?tagKeys=K...
// It removes the keys given; a key the user does not have is ignored.
func (s *Server) untagResource(r *http.Request, params []string) response {
	in := &user.UntagResourceInput{ResourceArn: params[0], TagKeys: r.URL.Query()["tagKeys"]}
	return s.tagUpdate(in.ResourceArn, in, func(*User) *response { return nil }, func(next *User) {
		for _, k := range in.TagKeys {
			delete(next.Tags, k)
		}
		if len(next.Tags) == 0 {
			next.Tags = nil
		}
	})
}
