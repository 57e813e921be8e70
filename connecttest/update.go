package connecttest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/user"
)

// The update operations of a user. Each is judged in the order instance
// (404), user (404), the rule catalog under the instance's identity
// management type (400), the instance's profiles and groups it names
// (404); then it is applied whole under the store's lock, so that
// concurrent updates of one user leave the result of one of them, never a
// mix, and a write is never half applied. Every successful write sets the
// user's LastModifiedTime (and LastModifiedRegion, the server's region).

// decodeBody reads the JSON object of a request into in. The members named
// in path travel in the request's path: in the body they are not members
// of the operation's body and are ignored, as the service ignores unknown
// members. A body that is not a JSON object, or has a member of the wrong
// JSON type, is a 400 SerializationException.
func decodeBody(r *http.Request, in any, path ...string) *response {
	body, bad := readBody(r)
	if bad != nil {
		return bad
	}
	if !utf8.Valid(body) {
		e := serialization("The request body is not valid UTF-8")
		return &e
	}
	if t := bytes.TrimLeft(body, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		e := serialization("The request body is not a JSON object")
		return &e
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(body, &members); err != nil {
		e := serialization("The request body could not be read: " + jsonProblem(err))
		return &e
	}
	for k := range members {
		for _, p := range path {
			if strings.EqualFold(k, p) {
				delete(members, k)
			}
		}
	}
	rest, err := json.Marshal(members)
	if err == nil {
		err = json.Unmarshal(rest, in)
	}
	if err != nil {
		e := serialization("The request body could not be read: " + jsonProblem(err))
		return &e
	}
	return nil
}

// updated is the answer of a successful update: 200 with no body, as the
// service answers.
func updated() response { return response{status: http.StatusOK, body: []byte{}} }

// updateUser judges req for the user of params (InstanceId, UserId) and,
// when it passes, applies it: apply changes next, a deep copy of the stored
// user, and may refuse (a reference the instance does not have) with an
// answer, in which case nothing changes.
func (s *Server) updateUser(params []string, req user.Request, apply func(st *instanceState, next *User) *response) response {
	s.store.mu.RLock()
	st, _, bad := s.findUser(params)
	t := st.typeOrUnknown()
	s.store.mu.RUnlock()
	if bad != nil {
		return *bad
	}
	if list := s.validators[t].ValidateRequest(req); list.HasErrors() {
		return catalogError(list)
	}
	return s.applyUpdate(params, apply)
}

// applyUpdate applies an update that passed the catalog, under the write
// lock.
func (s *Server) applyUpdate(params []string, apply func(st *instanceState, next *User) *response) response {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	st, su, bad := s.findUser(params)
	if bad != nil {
		return *bad // deleted since
	}
	next := su.User.clone()
	if bad := apply(st, &next); bad != nil {
		return *bad
	}
	su.User = next
	su.modified = s.cfg.now()
	return updated()
}

// securityProfileID, routingProfileID and groupID read a reference (an id,
// or an ARN of the instance's resource) to a profile or group of st: its
// id, or a 404 ResourceNotFoundException naming it. The caller holds the
// lock.
func (s *Server) securityProfileID(st *instanceState, ref string) (string, *response) {
	id, valid := s.resourceID(st.info.Id, "security-profile", ref)
	if _, exists := st.sp[id]; !valid || !exists {
		r := notFound("Security profile " + ref + " not found in instance " + st.info.Id)
		return "", &r
	}
	return id, nil
}

func (s *Server) routingProfileID(st *instanceState, ref string) (string, *response) {
	id, valid := s.resourceID(st.info.Id, "routing-profile", ref)
	if _, exists := st.rp[id]; !valid || !exists {
		r := notFound("Routing profile " + ref + " not found in instance " + st.info.Id)
		return "", &r
	}
	return id, nil
}

func (s *Server) groupID(st *instanceState, ref string) (string, *response) {
	id, valid := s.resourceID(st.info.Id, "agent-group", ref)
	if _, exists := st.groups[id]; !valid || !exists {
		r := notFound("Hierarchy group " + ref + " not found in instance " + st.info.Id)
		return "", &r
	}
	return id, nil
}

// updateUserIdentityInfo is UpdateUserIdentityInfo:
// POST /users/{InstanceId}/{UserId}/identity-info. It replaces IdentityInfo
// whole: a member not given is cleared.
func (s *Server) updateUserIdentityInfo(r *http.Request, params []string) response {
	in := &user.UpdateUserIdentityInfoInput{}
	if bad := decodeBody(r, in, "InstanceId", "UserId"); bad != nil {
		return *bad
	}
	in.InstanceId, in.UserId = params[0], params[1]
	return s.updateUser(params, in, func(_ *instanceState, next *User) *response {
		next.IdentityInfo = in.IdentityInfo
		return nil
	})
}

// updateUserPhoneConfig is UpdateUserPhoneConfig:
// POST /users/{InstanceId}/{UserId}/phone-config. It replaces PhoneConfig
// whole and, as the service documents ("the same ACW timeouts to all
// channels"), gives its AfterContactWorkTimeLimit (0 when not given, as
// the service stores it) to every per-channel AfterContactWorkConfig the
// user has; an agent-first callback's own setting is kept.
func (s *Server) updateUserPhoneConfig(r *http.Request, params []string) response {
	in := &user.UpdateUserPhoneConfigInput{}
	if bad := decodeBody(r, in, "InstanceId", "UserId"); bad != nil {
		return *bad
	}
	in.InstanceId, in.UserId = params[0], params[1]
	return s.updateUser(params, in, func(_ *instanceState, next *User) *response {
		next.PhoneConfig = in.PhoneConfig
		var acw int64
		if in.PhoneConfig != nil && in.PhoneConfig.AfterContactWorkTimeLimit != nil {
			acw = *in.PhoneConfig.AfterContactWorkTimeLimit
		}
		for i := range next.AfterContactWorkConfigs {
			limit := acw
			next.AfterContactWorkConfigs[i].AfterContactWorkConfig = &channel.AfterContactWork{AfterContactWorkTimeLimit: &limit}
		}
		return nil
	})
}

// byChannel merges given into stored: an entry of a channel that stored
// has replaces it in place, one of another channel is added at the end;
// nil leaves stored as it is.
func byChannel[T any](stored, given []T, ch func(*T) channel.Channel) []T {
	for _, g := range given {
		i := slices.IndexFunc(stored, func(s T) bool { return ch(&s) == ch(&g) })
		if i >= 0 {
			stored[i] = g
		} else {
			stored = append(stored, g)
		}
	}
	return stored
}

// updateUserConfig is UpdateUserConfig:
// POST /users/{InstanceId}/{UserId}/config. Each list given replaces the
// stored settings of the channels it names; the lists not given, and the
// channels a list does not name, are unchanged.
func (s *Server) updateUserConfig(r *http.Request, params []string) response {
	in := &user.UpdateUserConfigInput{}
	if bad := decodeBody(r, in, "InstanceId", "UserId"); bad != nil {
		return *bad
	}
	in.InstanceId, in.UserId = params[0], params[1]
	return s.updateUser(params, in, func(_ *instanceState, next *User) *response {
		next.AutoAcceptConfigs = byChannel(next.AutoAcceptConfigs, in.AutoAcceptConfigs,
			func(c *channel.AutoAcceptConfig) channel.Channel { return c.Channel })
		next.AfterContactWorkConfigs = byChannel(next.AfterContactWorkConfigs, in.AfterContactWorkConfigs,
			func(c *channel.AfterContactWorkConfig) channel.Channel { return c.Channel })
		next.PhoneNumberConfigs = byChannel(next.PhoneNumberConfigs, in.PhoneNumberConfigs,
			func(c *channel.PhoneNumberConfig) channel.Channel { return c.Channel })
		next.PersistentConnectionConfigs = byChannel(next.PersistentConnectionConfigs, in.PersistentConnectionConfigs,
			func(c *channel.PersistentConnectionConfig) channel.Channel { return c.Channel })
		next.VoiceEnhancementConfigs = byChannel(next.VoiceEnhancementConfigs, in.VoiceEnhancementConfigs,
			func(c *channel.VoiceEnhancementConfig) channel.Channel { return c.Channel })
		return nil
	})
}

// updateUserRoutingProfile is UpdateUserRoutingProfile:
// POST /users/{InstanceId}/{UserId}/routing-profile.
func (s *Server) updateUserRoutingProfile(r *http.Request, params []string) response {
	in := &user.UpdateUserRoutingProfileInput{}
	if bad := decodeBody(r, in, "InstanceId", "UserId"); bad != nil {
		return *bad
	}
	in.InstanceId, in.UserId = params[0], params[1]
	return s.updateUser(params, in, func(st *instanceState, next *User) *response {
		id, bad := s.routingProfileID(st, in.RoutingProfileId)
		if bad != nil {
			return bad
		}
		next.RoutingProfileId = id
		return nil
	})
}

// updateUserSecurityProfiles is UpdateUserSecurityProfiles:
// POST /users/{InstanceId}/{UserId}/security-profiles. The profiles given
// replace the user's.
func (s *Server) updateUserSecurityProfiles(r *http.Request, params []string) response {
	in := &user.UpdateUserSecurityProfilesInput{}
	if bad := decodeBody(r, in, "InstanceId", "UserId"); bad != nil {
		return *bad
	}
	in.InstanceId, in.UserId = params[0], params[1]
	return s.updateUser(params, in, func(st *instanceState, next *User) *response {
		ids := make([]string, len(in.SecurityProfileIds))
		for i, ref := range in.SecurityProfileIds {
			id, bad := s.securityProfileID(st, ref)
			if bad != nil {
				return bad
			}
			ids[i] = id
		}
		next.SecurityProfileIds = ids
		return nil
	})
}

// updateUserHierarchy is UpdateUserHierarchy:
// POST /users/{InstanceId}/{UserId}/hierarchy. No HierarchyGroupId takes
// the user out of its group.
func (s *Server) updateUserHierarchy(r *http.Request, params []string) response {
	in := &user.UpdateUserHierarchyInput{}
	if bad := decodeBody(r, in, "InstanceId", "UserId"); bad != nil {
		return *bad
	}
	in.InstanceId, in.UserId = params[0], params[1]
	return s.updateUser(params, in, func(st *instanceState, next *User) *response {
		if in.HierarchyGroupId == nil {
			next.HierarchyGroupId = nil
			return nil
		}
		id, bad := s.groupID(st, *in.HierarchyGroupId)
		if bad != nil {
			return bad
		}
		next.HierarchyGroupId = &id
		return nil
	})
}
