package user

import (
	"maps"

	"github.com/connectkit/createuser/channel"
)

// Clone returns a deep copy of in: no pointer, slice or map is shared, so
// either copy may change without the other seeing it. Clone of nil is nil.
func (in *CreateUserInput) Clone() *CreateUserInput {
	if in == nil {
		return nil
	}
	out := *in
	out.Password = clonePtr(in.Password)
	if in.IdentityInfo != nil {
		info := *in.IdentityInfo
		info.FirstName = clonePtr(info.FirstName)
		info.LastName = clonePtr(info.LastName)
		info.Email = clonePtr(info.Email)
		info.SecondaryEmail = clonePtr(info.SecondaryEmail)
		info.Mobile = clonePtr(info.Mobile)
		out.IdentityInfo = &info
	}
	if in.PhoneConfig != nil {
		pc := *in.PhoneConfig
		pc.PhoneType = clonePtr(pc.PhoneType)
		pc.AutoAccept = clonePtr(pc.AutoAccept)
		pc.AfterContactWorkTimeLimit = clonePtr(pc.AfterContactWorkTimeLimit)
		pc.DeskPhoneNumber = clonePtr(pc.DeskPhoneNumber)
		pc.PersistentConnection = clonePtr(pc.PersistentConnection)
		out.PhoneConfig = &pc
	}
	out.DirectoryUserId = clonePtr(in.DirectoryUserId)
	out.SecurityProfileIds = cloneSlice(in.SecurityProfileIds)
	out.HierarchyGroupId = clonePtr(in.HierarchyGroupId)
	out.AutoAcceptConfigs = cloneSlice(in.AutoAcceptConfigs)
	for i := range out.AutoAcceptConfigs {
		e := &out.AutoAcceptConfigs[i]
		e.AutoAccept = clonePtr(e.AutoAccept)
		e.AgentFirstCallbackAutoAccept = clonePtr(e.AgentFirstCallbackAutoAccept)
	}
	out.AfterContactWorkConfigs = cloneSlice(in.AfterContactWorkConfigs)
	for i := range out.AfterContactWorkConfigs {
		e := &out.AfterContactWorkConfigs[i]
		e.AfterContactWorkConfig = cloneWork(e.AfterContactWorkConfig)
		e.AgentFirstCallbackAfterContactWorkConfig = cloneWork(e.AgentFirstCallbackAfterContactWorkConfig)
	}
	out.PhoneNumberConfigs = cloneSlice(in.PhoneNumberConfigs)
	for i := range out.PhoneNumberConfigs {
		e := &out.PhoneNumberConfigs[i]
		e.PhoneNumber = clonePtr(e.PhoneNumber)
	}
	out.PersistentConnectionConfigs = cloneSlice(in.PersistentConnectionConfigs)
	for i := range out.PersistentConnectionConfigs {
		e := &out.PersistentConnectionConfigs[i]
		e.PersistentConnection = clonePtr(e.PersistentConnection)
	}
	out.VoiceEnhancementConfigs = cloneSlice(in.VoiceEnhancementConfigs)
	if in.Tags != nil {
		out.Tags = maps.Clone(in.Tags)
	}
	return &out
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// cloneSlice copies s, keeping nil nil and empty empty (presence matters).
func cloneSlice[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	return append(make(S, 0, len(s)), s...)
}

func cloneWork(w *channel.AfterContactWork) *channel.AfterContactWork {
	if w == nil {
		return nil
	}
	return &channel.AfterContactWork{AfterContactWorkTimeLimit: clonePtr(w.AfterContactWorkTimeLimit)}
}
