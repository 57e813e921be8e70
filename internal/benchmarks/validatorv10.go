package benchmarks

import (
	"errors"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/go-playground/validator/v10"
	"golang.org/x/text/unicode/norm"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/internal/pattern"
	"github.com/connectkit/createuser/user"
)

// This file is the second comparator of the benchmarks: the CONNECT_MANAGED
// rules of the catalog as github.com/go-playground/validator/v10 struct tags
// on a mirror of the request, plus one struct-level function for what tags
// cannot say (conflicts, duplicates, a second rule on one member, the
// warnings that depend on another member). It is what a team would write
// with the popular library, and exists only for the benchmarks.
//
// validator/v10 stops at the first failing tag of a member, so a member
// that breaks two tag rules (a Username both too long and with a space) is
// reported once where the library reports twice; the agreement tests hold
// it to the library on the benchmarks' inputs only.

// V10Request is CreateUserInput as a team would declare it for
// validator/v10: the same members under the same names, each with its
// rules as tags, for an instance of type CONNECT_MANAGED. It and the
// types below exist only for the benchmarks.
type V10Request struct {
	InstanceId                  string                          `validate:"required,max=100"`
	Username                    string                          `validate:"required,max=100,max=20,connect_username,connect_username_email"`
	Password                    *string                         `validate:"required,min=8,max=64"`
	IdentityInfo                *V10IdentityInfo                `validate:"required"`
	PhoneConfig                 *V10PhoneConfig                 `validate:"omitnil"`
	DirectoryUserId             *string                         `validate:"omitnil,min=1"`
	SecurityProfileIds          []string                        `validate:"required,connect_nonempty,max=10,dive,required"`
	RoutingProfileId            string                          `validate:"required"`
	HierarchyGroupId            *string                         `validate:"omitnil,min=1"`
	AutoAcceptConfigs           []V10AutoAcceptConfig           `validate:"omitempty,dive"`
	AfterContactWorkConfigs     []V10AfterContactWorkConfig     `validate:"omitempty,dive"`
	PhoneNumberConfigs          []V10PhoneNumberConfig          `validate:"omitempty,dive"`
	PersistentConnectionConfigs []V10PersistentConnectionConfig `validate:"omitempty,dive"`
	VoiceEnhancementConfigs     []V10VoiceEnhancementConfig     `validate:"omitempty,dive"`
	Tags                        map[string]string               `validate:"omitnil,min=1,max=50,dive,keys,connect_tag_key_length,connect_tag_key_reserved,connect_tag_key,endkeys,max=256"`
}

// V10IdentityInfo mirrors identity.Info.
type V10IdentityInfo struct {
	FirstName      *string `validate:"required,max=255,connect_nfc"`
	LastName       *string `validate:"required,max=256,connect_nfc"`
	Email          *string `validate:"required,connect_email,max=265"`
	SecondaryEmail *string `validate:"omitnil,connect_email,max=265"`
	Mobile         *string `validate:"omitnil,connect_e164"`
}

// V10PhoneConfig mirrors user.PhoneConfig.
type V10PhoneConfig struct {
	PhoneType                 *string `validate:"omitnil,oneof=SOFT_PHONE DESK_PHONE"`
	AutoAccept                *bool
	AfterContactWorkTimeLimit *int64  `validate:"omitnil,gte=0,lte=2000000"`
	DeskPhoneNumber           *string `validate:"omitnil,connect_e164"`
	PersistentConnection      *bool
}

// V10AutoAcceptConfig mirrors channel.AutoAcceptConfig.
type V10AutoAcceptConfig struct {
	Channel                      string `validate:"required,oneof=VOICE CHAT TASK EMAIL"`
	AutoAccept                   *bool  `validate:"required"`
	AgentFirstCallbackAutoAccept *bool
}

// V10AfterContactWork mirrors channel.AfterContactWork.
type V10AfterContactWork struct {
	AfterContactWorkTimeLimit *int64 `validate:"omitnil,gte=0,lte=2000000"`
}

// V10AfterContactWorkConfig mirrors channel.AfterContactWorkConfig.
type V10AfterContactWorkConfig struct {
	Channel                                  string               `validate:"required,oneof=VOICE CHAT TASK EMAIL"`
	AfterContactWorkConfig                   *V10AfterContactWork `validate:"required"`
	AgentFirstCallbackAfterContactWorkConfig *V10AfterContactWork `validate:"omitnil"`
}

// V10PhoneNumberConfig mirrors channel.PhoneNumberConfig.
type V10PhoneNumberConfig struct {
	Channel     string  `validate:"required,oneof=VOICE CHAT TASK EMAIL,eq=VOICE"`
	PhoneType   string  `validate:"required,oneof=SOFT_PHONE DESK_PHONE"`
	PhoneNumber *string `validate:"omitnil,connect_e164"`
}

// V10PersistentConnectionConfig mirrors channel.PersistentConnectionConfig.
type V10PersistentConnectionConfig struct {
	Channel              string `validate:"required,oneof=VOICE CHAT TASK EMAIL,eq=VOICE"`
	PersistentConnection *bool  `validate:"required"`
}

// V10VoiceEnhancementConfig mirrors channel.VoiceEnhancementConfig.
type V10VoiceEnhancementConfig struct {
	Channel              string `validate:"required,oneof=VOICE CHAT TASK EMAIL,eq=VOICE"`
	VoiceEnhancementMode string `validate:"required,oneof=VOICE_ISOLATION NOISE_SUPPRESSION NONE"`
}

// V10 validates V10Requests with validator/v10 and reports the
// violations as the other comparators do. It exists only for the
// benchmarks. One V10 is safe for concurrent use, as validator.Validate is.
type V10 struct {
	validate *validator.Validate
}

var (
	usernameRegexp = regexp.MustCompile(pattern.UsernameRegexp)
	emailRegexp    = regexp.MustCompile(pattern.EmailRegexp)
	e164Regexp     = regexp.MustCompile(pattern.E164Regexp)
	tagKeyRegexp   = regexp.MustCompile(pattern.TagKeyRegexp)
)

// NewV10 returns a V10 with the catalog's custom tags registered.
func NewV10() *V10 {
	v := validator.New(validator.WithRequiredStructEnabled())
	str := func(f func(string) bool) validator.Func {
		return func(fl validator.FieldLevel) bool { return f(fl.Field().String()) }
	}
	for tag, f := range map[string]validator.Func{
		"connect_username": str(usernameRegexp.MatchString),
		"connect_username_email": str(func(s string) bool {
			return !strings.Contains(s, "@") || emailRegexp.MatchString(s)
		}),
		"connect_email":            str(emailRegexp.MatchString),
		"connect_e164":             str(e164Regexp.MatchString),
		"connect_nfc":              str(norm.NFC.IsNormalString),
		"connect_tag_key":          str(tagKeyRegexp.MatchString),
		"connect_tag_key_reserved": str(func(s string) bool { return !strings.HasPrefix(strings.ToLower(s), "aws:") }),
		"connect_tag_key_length": str(func(s string) bool {
			n := len([]rune(s))
			return n >= 1 && n <= 128
		}),
		"connect_nonempty": func(fl validator.FieldLevel) bool { return fl.Field().Len() > 0 },
	} {
		if err := v.RegisterValidation(tag, f); err != nil {
			panic(err)
		}
	}
	v.RegisterStructValidation(crossMemberRules, V10Request{})
	return &V10{validate: v}
}

// crossMemberRules is the struct-level function: the rules that look at
// two members (conflicts, duplicates, ignored and incomplete values) and
// the Password pattern, which validator/v10 would skip after a failing
// length tag.
func crossMemberRules(sl validator.StructLevel) {
	r := sl.Current().Addr().Interface().(*V10Request)
	if p := r.Password; p != nil && *p != "" && !pattern.Password(*p) {
		sl.ReportError(*p, "Password", "Password", "pattern", "")
	}
	if r.DirectoryUserId != nil {
		sl.ReportError(*r.DirectoryUserId, "DirectoryUserId", "DirectoryUserId", "ignored", "")
	}
	if pc := r.PhoneConfig; pc != nil {
		if pc.PhoneType != nil && len(r.PhoneNumberConfigs) > 0 {
			sl.ReportError(*pc.PhoneType, "PhoneConfig.PhoneType", "PhoneType", "conflict", "PhoneNumberConfigs")
		}
		if pc.AutoAccept != nil && len(r.AutoAcceptConfigs) > 0 {
			sl.ReportError(*pc.AutoAccept, "PhoneConfig.AutoAccept", "AutoAccept", "conflict", "AutoAcceptConfigs")
		}
		if pc.AfterContactWorkTimeLimit != nil && len(r.AfterContactWorkConfigs) > 0 {
			sl.ReportError(*pc.AfterContactWorkTimeLimit, "PhoneConfig.AfterContactWorkTimeLimit", "AfterContactWorkTimeLimit", "conflict", "AfterContactWorkConfigs")
		}
		if pc.DeskPhoneNumber != nil {
			if pc.PhoneType != nil && *pc.PhoneType == "SOFT_PHONE" {
				sl.ReportError(nil, "PhoneConfig.DeskPhoneNumber", "DeskPhoneNumber", "ignored", "")
			}
			if len(r.PhoneNumberConfigs) > 0 {
				sl.ReportError(nil, "PhoneConfig.DeskPhoneNumber", "DeskPhoneNumber", "conflict", "PhoneNumberConfigs")
			}
		} else if pc.PhoneType != nil && *pc.PhoneType == "DESK_PHONE" {
			sl.ReportError(nil, "PhoneConfig.DeskPhoneNumber", "DeskPhoneNumber", "incomplete", "")
		}
		if pc.PersistentConnection != nil && len(r.PersistentConnectionConfigs) > 0 {
			sl.ReportError(*pc.PersistentConnection, "PhoneConfig.PersistentConnection", "PersistentConnection", "conflict", "PersistentConnectionConfigs")
		}
	}
	for j, id := range r.SecurityProfileIds {
		for k := range j {
			if id != "" && pattern.ARNID(r.SecurityProfileIds[k]) == pattern.ARNID(id) {
				sl.ReportError(id, "SecurityProfileIds["+strconv.Itoa(j)+"]", "SecurityProfileIds", "duplicate", "")
				break
			}
		}
	}
	channels := func(list string, n int, channel func(int) string) {
		first := map[string]bool{}
		for i := range n {
			ch := channel(i)
			switch ch {
			case "VOICE", "CHAT", "TASK", "EMAIL":
				if first[ch] {
					sl.ReportError(ch, list+"["+strconv.Itoa(i)+"].Channel", "Channel", "duplicate", "")
				}
				first[ch] = true
			}
		}
	}
	channels("AutoAcceptConfigs", len(r.AutoAcceptConfigs), func(i int) string { return r.AutoAcceptConfigs[i].Channel })
	channels("AfterContactWorkConfigs", len(r.AfterContactWorkConfigs), func(i int) string { return r.AfterContactWorkConfigs[i].Channel })
	channels("PhoneNumberConfigs", len(r.PhoneNumberConfigs), func(i int) string { return r.PhoneNumberConfigs[i].Channel })
	channels("PersistentConnectionConfigs", len(r.PersistentConnectionConfigs), func(i int) string { return r.PersistentConnectionConfigs[i].Channel })
	channels("VoiceEnhancementConfigs", len(r.VoiceEnhancementConfigs), func(i int) string { return r.VoiceEnhancementConfigs[i].Channel })
	nonVoice := func(ch string) bool { return ch == "CHAT" || ch == "TASK" || ch == "EMAIL" }
	for i, e := range r.AutoAcceptConfigs {
		if e.AgentFirstCallbackAutoAccept != nil && nonVoice(e.Channel) {
			sl.ReportError(nil, "AutoAcceptConfigs["+strconv.Itoa(i)+"].AgentFirstCallbackAutoAccept", "AgentFirstCallbackAutoAccept", "ignored", "")
		}
	}
	for i, e := range r.AfterContactWorkConfigs {
		if e.AgentFirstCallbackAfterContactWorkConfig != nil && nonVoice(e.Channel) {
			sl.ReportError(nil, "AfterContactWorkConfigs["+strconv.Itoa(i)+"].AgentFirstCallbackAfterContactWorkConfig", "AgentFirstCallbackAfterContactWorkConfig", "ignored", "")
		}
	}
	for i, e := range r.PhoneNumberConfigs {
		switch {
		case e.PhoneNumber != nil && e.PhoneType == "SOFT_PHONE":
			sl.ReportError(nil, "PhoneNumberConfigs["+strconv.Itoa(i)+"].PhoneNumber", "PhoneNumber", "ignored", "")
		case e.PhoneNumber == nil && e.PhoneType == "DESK_PHONE":
			sl.ReportError(nil, "PhoneNumberConfigs["+strconv.Itoa(i)+"].PhoneNumber", "PhoneNumber", "incomplete", "")
		}
	}
}

// tagCodes maps the tags of V10Request to the catalog's codes; min and max
// are length or count by the kind of the member, and the struct-level
// function reports with the code as its tag.
var tagCodes = map[string]string{
	"required":                 "required",
	"connect_nonempty":         "required",
	"oneof":                    "enum",
	"eq":                       "channel",
	"gte":                      "range",
	"lte":                      "range",
	"connect_username":         "pattern",
	"connect_username_email":   "pattern",
	"connect_email":            "pattern",
	"connect_e164":             "pattern",
	"connect_nfc":              "normalization",
	"connect_tag_key":          "pattern",
	"connect_tag_key_reserved": "reserved",
	"connect_tag_key_length":   "length",
}

// Validate checks r and returns its violations in the comparators' form.
func (v *V10) Validate(r *V10Request) []Violation {
	err := v.validate.Struct(r)
	if err == nil {
		return nil
	}
	var fes validator.ValidationErrors
	if !errors.As(err, &fes) {
		return []Violation{{Field: "", Code: "syntax"}}
	}
	out := make([]Violation, 0, len(fes))
	for _, fe := range fes {
		field := strings.TrimPrefix(fe.Namespace(), "V10Request.")
		code, ok := tagCodes[fe.Tag()]
		switch {
		case fe.Tag() == "min" || fe.Tag() == "max":
			code = "length"
			if k := fe.Kind(); k == reflect.Slice || k == reflect.Map {
				code = "count"
			}
		case !ok:
			code = fe.Tag() // the struct-level function reports codes as tags
		}
		if strings.HasPrefix(fe.Tag(), "connect_tag_key") {
			field = "Tags" // a key's violation is at Tags, the key is its value
		}
		out = append(out, Violation{Field: field, Code: code})
	}
	return out
}

// ToV10 copies in into the mirror struct, outside any timed loop: a team
// using validator/v10 declares its own request type and has no copy to
// make.
func ToV10(in *user.CreateUserInput) *V10Request {
	str := func(s *string) *string {
		if s == nil {
			return nil
		}
		return new(*s)
	}
	r := &V10Request{
		InstanceId:         in.InstanceId,
		Username:           in.Username,
		DirectoryUserId:    str(in.DirectoryUserId),
		SecurityProfileIds: append([]string(nil), in.SecurityProfileIds...),
		RoutingProfileId:   in.RoutingProfileId,
		HierarchyGroupId:   str(in.HierarchyGroupId),
	}
	if in.Password != nil {
		r.Password = new(string(*in.Password))
	}
	if info := in.IdentityInfo; info != nil {
		r.IdentityInfo = &V10IdentityInfo{
			FirstName:      str((*string)(info.FirstName)),
			LastName:       str((*string)(info.LastName)),
			Email:          str((*string)(info.Email)),
			SecondaryEmail: str((*string)(info.SecondaryEmail)),
			Mobile:         str((*string)(info.Mobile)),
		}
	}
	if pc := in.PhoneConfig; pc != nil {
		r.PhoneConfig = &V10PhoneConfig{
			AutoAccept:                pc.AutoAccept,
			AfterContactWorkTimeLimit: pc.AfterContactWorkTimeLimit,
			DeskPhoneNumber:           (*string)(pc.DeskPhoneNumber),
			PersistentConnection:      pc.PersistentConnection,
		}
		if pc.PhoneType != nil {
			r.PhoneConfig.PhoneType = new(string(*pc.PhoneType))
		}
	}
	for _, e := range in.AutoAcceptConfigs {
		r.AutoAcceptConfigs = append(r.AutoAcceptConfigs, V10AutoAcceptConfig{string(e.Channel), e.AutoAccept, e.AgentFirstCallbackAutoAccept})
	}
	acw := func(w *channel.AfterContactWork) *V10AfterContactWork {
		if w == nil {
			return nil
		}
		return &V10AfterContactWork{w.AfterContactWorkTimeLimit}
	}
	for _, e := range in.AfterContactWorkConfigs {
		r.AfterContactWorkConfigs = append(r.AfterContactWorkConfigs, V10AfterContactWorkConfig{
			Channel:                                  string(e.Channel),
			AfterContactWorkConfig:                   acw(e.AfterContactWorkConfig),
			AgentFirstCallbackAfterContactWorkConfig: acw(e.AgentFirstCallbackAfterContactWorkConfig),
		})
	}
	for _, e := range in.PhoneNumberConfigs {
		r.PhoneNumberConfigs = append(r.PhoneNumberConfigs, V10PhoneNumberConfig{string(e.Channel), string(e.PhoneType), (*string)(e.PhoneNumber)})
	}
	for _, e := range in.PersistentConnectionConfigs {
		r.PersistentConnectionConfigs = append(r.PersistentConnectionConfigs, V10PersistentConnectionConfig{string(e.Channel), e.PersistentConnection})
	}
	for _, e := range in.VoiceEnhancementConfigs {
		r.VoiceEnhancementConfigs = append(r.VoiceEnhancementConfigs, V10VoiceEnhancementConfig{string(e.Channel), string(e.VoiceEnhancementMode)})
	}
	if in.Tags != nil {
		r.Tags = make(map[string]string, len(in.Tags))
		for k, v := range in.Tags {
			r.Tags[k] = v
		}
	}
	return r
}
