package awsconnect

import (
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// ValidateSDK checks what the SDK will send for in against the whole rule
// catalog under v, as v.Validate(FromSDK(in)) does, and returns the same
// list, without copying the request first. It reads in where it lies: the
// request the catalog sees is a view that shares in's strings, lists of
// strings, Tags and pointers, and only the channel-specific lists and the
// members whose SDK type differs (AutoAccept false, a time limit of 0 or
// an empty PhoneType, which the SDK leaves out) are laid out again, on the
// room kept from one call to the next for lists of up to four entries. A
// valid request of the usual shape then costs no allocation. A nil in is
// the zero request. in is never changed.
func ValidateSDK(v *user.Validator, in *connect.CreateUserInput) cuerrors.List {
	if in == nil {
		return v.Validate(nil)
	}
	w := sdkViews.Get().(*sdkView)
	list := w.validate(v, in)
	*w = sdkView{} // it must not keep in alive
	sdkViews.Put(w)
	return list
}

// sdkView is the room of one ValidateSDK call: the catalog's engine may
// keep what the request points to (it is not told that the view dies with
// the call), so the view's parts live in a pool rather than on the stack.
type sdkView struct {
	view  user.CreateUserInput
	info  identity.Info
	phone user.PhoneConfig
	lists sdkLists
	upd   sdkUpdateViews // validate_sdk_update.go
}

var sdkViews = sync.Pool{New: func() any { return new(sdkView) }}

func (w *sdkView) validate(v *user.Validator, in *connect.CreateUserInput) cuerrors.List {
	view, lists := &w.view, &w.lists
	view.InstanceId = deref(in.InstanceId)
	view.Username = deref(in.Username)
	view.Password = (*identity.Secret)(in.Password)
	view.DirectoryUserId = in.DirectoryUserId
	view.SecurityProfileIds = in.SecurityProfileIds
	view.RoutingProfileId = deref(in.RoutingProfileId)
	view.HierarchyGroupId = in.HierarchyGroupId
	view.Tags = in.Tags
	view.IdentityInfo = w.identityView(in.IdentityInfo)
	view.PhoneConfig = w.phoneView(in.PhoneConfig)
	lists.fill(view, in)
	return v.Validate(view)
}

// identityView lays out the SDK's IdentityInfo in the view's room; nil
// for nil.
func (w *sdkView) identityView(ii *types.UserIdentityInfo) *identity.Info {
	if ii == nil {
		return nil
	}
	w.info = identity.Info{
		FirstName:      (*identity.Secret)(ii.FirstName),
		LastName:       (*identity.Secret)(ii.LastName),
		Email:          (*identity.Secret)(ii.Email),
		SecondaryEmail: (*identity.Secret)(ii.SecondaryEmail),
		Mobile:         (*identity.Secret)(ii.Mobile),
	}
	return &w.info
}

// phoneView lays out the SDK's PhoneConfig in the view's room as the SDK
// sends it (AutoAccept false, a time limit of 0 and an empty PhoneType
// absent); nil for nil.
func (w *sdkView) phoneView(pc *types.UserPhoneConfig) *user.PhoneConfig {
	if pc == nil {
		return nil
	}
	phone, lists := &w.phone, &w.lists
	*phone = user.PhoneConfig{
		DeskPhoneNumber:      (*identity.Secret)(pc.DeskPhoneNumber),
		PersistentConnection: pc.PersistentConnection,
	}
	if pc.PhoneType != "" {
		lists.phoneType = channel.PhoneType(pc.PhoneType)
		phone.PhoneType = &lists.phoneType
	}
	if pc.AutoAccept {
		phone.AutoAccept = &pc.AutoAccept
	}
	if pc.AfterContactWorkTimeLimit != 0 {
		lists.phoneLimit = int64(pc.AfterContactWorkTimeLimit)
		phone.AfterContactWorkTimeLimit = &lists.phoneLimit
	}
	return phone
}

// sdkListInline is the length up to which a channel-specific list is laid
// out in the view without allocating (the service allows one entry per
// channel, four in all).
const sdkListInline = 4

// sdkLists holds what the view of an SDK request cannot share with it.
type sdkLists struct {
	phoneType  channel.PhoneType
	phoneLimit int64

	autoAccept [sdkListInline]channel.AutoAcceptConfig
	acw        [sdkListInline]channel.AfterContactWorkConfig
	acwLimits  [2 * sdkListInline]channel.AfterContactWork
	limits     [2 * sdkListInline]int64
	numbers    [sdkListInline]channel.PhoneNumberConfig
	persistent [sdkListInline]channel.PersistentConnectionConfig
	voice      [sdkListInline]channel.VoiceEnhancementConfig
}

// room returns buf[:n] when n fits buf, else a new slice of n. The lists
// call it only for a list that is not nil, so that the view tells an
// absent list from an empty one, as FromSDK does.
func room[T any](buf []T, n int) []T {
	if n <= len(buf) {
		return buf[:n:n]
	}
	return make([]T, n)
}

// fill lays out the channel-specific lists of in into view.
func (l *sdkLists) fill(view *user.CreateUserInput, in *connect.CreateUserInput) {
	if src := in.AutoAcceptConfigs; src != nil {
		dst := room(l.autoAccept[:], len(src))
		for i := range src {
			e := &src[i]
			dst[i] = channel.AutoAcceptConfig{Channel: channel.Channel(e.Channel), AutoAccept: &e.AutoAccept, AgentFirstCallbackAutoAccept: e.AgentFirstCallbackAutoAccept}
		}
		view.AutoAcceptConfigs = dst
	}
	if src := in.AfterContactWorkConfigs; src != nil {
		dst := room(l.acw[:], len(src))
		works := room(l.acwLimits[:], 2*len(src))
		limits := room(l.limits[:], 2*len(src))
		for i := range src {
			e := &src[i]
			dst[i] = channel.AfterContactWorkConfig{
				Channel:                                  channel.Channel(e.Channel),
				AfterContactWorkConfig:                   sdkWork(e.AfterContactWorkConfig, &works[2*i], &limits[2*i]),
				AgentFirstCallbackAfterContactWorkConfig: sdkWork(e.AgentFirstCallbackAfterContactWorkConfig, &works[2*i+1], &limits[2*i+1]),
			}
		}
		view.AfterContactWorkConfigs = dst
	}
	if src := in.PhoneNumberConfigs; src != nil {
		dst := room(l.numbers[:], len(src))
		for i := range src {
			e := &src[i]
			dst[i] = channel.PhoneNumberConfig{Channel: channel.Channel(e.Channel), PhoneType: channel.PhoneType(e.PhoneType), PhoneNumber: (*identity.Secret)(e.PhoneNumber)}
		}
		view.PhoneNumberConfigs = dst
	}
	if src := in.PersistentConnectionConfigs; src != nil {
		dst := room(l.persistent[:], len(src))
		for i := range src {
			dst[i] = channel.PersistentConnectionConfig{Channel: channel.Channel(src[i].Channel), PersistentConnection: src[i].PersistentConnection}
		}
		view.PersistentConnectionConfigs = dst
	}
	if src := in.VoiceEnhancementConfigs; src != nil {
		dst := room(l.voice[:], len(src))
		for i := range src {
			dst[i] = channel.VoiceEnhancementConfig{Channel: channel.Channel(src[i].Channel), VoiceEnhancementMode: channel.VoiceEnhancementMode(src[i].VoiceEnhancementMode)}
		}
		view.VoiceEnhancementConfigs = dst
	}
}

// sdkWork is afterContactWorkFromSDK into the storage w and limit: a limit
// of 0 is one the SDK leaves out.
func sdkWork(in *types.AfterContactWorkConfig, w *channel.AfterContactWork, limit *int64) *channel.AfterContactWork {
	if in == nil {
		return nil
	}
	*w = channel.AfterContactWork{}
	if in.AfterContactWorkTimeLimit != 0 {
		*limit = int64(in.AfterContactWorkTimeLimit)
		w.AfterContactWorkTimeLimit = limit
	}
	return w
}
