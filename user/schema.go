package user

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/internal/pattern"
)

// SchemaID is the $id of the JSON Schema that [JSONSchema] returns.
const SchemaID = "https://github.com/connectkit/createuser/schemas/create-user-request.json"

// schemaDescription is the description of the schema: what it checks and
// what is out of its reach.
const schemaDescription = "A Connect Customer CreateUser request document: the request body " +
	"with InstanceId, as `aws connect create-user --cli-input-json` reads it. " +
	"Generated from the rule catalog of github.com/connectkit/createuser (`connectuser schema`): " +
	"it checks the members, their JSON types, enums, lengths (in characters), counts, ranges and " +
	"patterns that hold under every identity management type. Out of its reach: the rules that " +
	"depend on the instance's identity management type (Password required or forbidden, names " +
	"required, SAML's shorter Username and DirectoryUserId), conflicts between PhoneConfig and " +
	"the channel-specific lists, a channel twice in one list, security profile ids equal once " +
	"written as ARNs, the Unicode normalization of names, warnings, and integers written with a " +
	"fraction or an exponent (60.0), which JSON Schema cannot tell from 60. " +
	"`connectuser validate` checks the whole catalog."

// JSONSchema returns a JSON Schema (draft 2020-12) of the request
// document, generated from what the library knows: the members of each
// object, their JSON types, and every enum, length, count, range and
// pattern of the rule catalog that holds without context (under every
// identity management type). null is allowed where the reader reads it as
// absent. A document that [ValidateDocument] finds valid under some
// identity management type is valid under the schema; one with an unknown
// member or a value of the wrong JSON type is not (but for integers
// written as 60.0 or 1e3, which JSON Schema reads as integers). Editors
// use it to complete and check documents as they are written. The bytes
// are indented JSON and a copy.
func JSONSchema() []byte { return JSONSchemaOf(OperationCreateUser) }

// JSONSchemaOf returns the JSON Schema of the request document of op, as
// [JSONSchema] does for CreateUser's (JSONSchemaOf(OperationCreateUser)
// is JSONSchema()): the members that `aws connect CLI-NAME
// --cli-input-json` reads, each with the rules it has in op, and op's own
// (its required members, the counts of tags and tagKeys). Its $id names
// the operation's CLI name. nil for an op that is not one of
// [Operations].
func JSONSchemaOf(op Operation) []byte {
	k := op.ordinal()
	if k < 0 {
		return nil
	}
	schemaOnce[k].Do(func() {
		b, err := json.MarshalIndent(buildSchema(k), "", "  ")
		if err != nil {
			panic("user: the JSON Schema does not encode: " + err.Error())
		}
		schemaBytes[k] = append(b, '\n')
	})
	return append([]byte(nil), schemaBytes[k]...)
}

var (
	schemaOnce  [len(operations)]sync.Once
	schemaBytes [len(operations)][]byte
)

type object = map[string]any

// schemaDescriptionOf returns the sentences of the catalog's rows of op
// at field that hold under every identity management type.
func schemaDescriptionOf(op opSet, field string) string {
	var s []string
	for i := range catalog {
		alts := []string{catalog[i].Field}
		if ruleOperations[i]&opTagged != 0 {
			// The rows of tags name each operation's path: Tags|tags|tagKeys[i].
			alts = strings.Split(catalog[i].Field, "|")
		}
		if ruleIndex(i) != rLimitElements && ruleOperations[i]&op != 0 && slices.Contains(alts, field) && len(catalog[i].Identity) == 0 {
			s = append(s, catalog[i].Description)
		}
	}
	return strings.Join(s, " ")
}

// nullable is t, or null (absent).
func nullable(t string) []string { return []string{t, "null"} }

func enumOf[T ~string](values []T) []any {
	out := make([]any, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// members returns a closed object with the properties of names, in
// props, and the required ones.
func members(types any, names []string, props object, required ...string) object {
	for _, n := range names {
		if _, ok := props[n]; !ok {
			panic("user: no schema for member " + n)
		}
	}
	if len(props) != len(names) {
		panic("user: the schema has a member the reader does not")
	}
	o := object{"type": types, "additionalProperties": false, "properties": props}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

// whiteSpaceClass returns the characters of unicode.White_Space as the
// body of a regular-expression character class, written as themselves so
// that ECMA-262 and Go's regexp read it alike.
func whiteSpaceClass() string {
	var b strings.Builder
	add := func(lo, hi, stride uint32) {
		if stride == 1 {
			b.WriteRune(rune(lo))
			if hi > lo {
				b.WriteByte('-')
				b.WriteRune(rune(hi))
			}
			return
		}
		for r := lo; r <= hi; r += stride {
			b.WriteRune(rune(r))
		}
	}
	for _, r := range unicode.White_Space.R16 {
		add(uint32(r.Lo), uint32(r.Hi), uint32(r.Stride))
	}
	for _, r := range unicode.White_Space.R32 {
		add(r.Lo, r.Hi, r.Stride)
	}
	return b.String()
}

func buildSchema(k int) object {
	op := opSet(1) << k
	// described adds the description of field in op to s.
	described := func(s object, field string) object {
		if d := schemaDescriptionOf(op, field); d != "" {
			s["description"] = d
		}
		return s
	}
	timeLimit := func(field string) object {
		return described(object{"type": nullable("integer"), "minimum": 0, "maximum": maxTimeLimit}, field)
	}
	e164 := func(field string) object {
		return described(object{"type": nullable("string"), "pattern": pattern.E164Regexp}, field)
	}
	email := func(field string) object {
		return described(object{"type": nullable("string"), "maxLength": maxEmail, "pattern": pattern.EmailRegexp}, field)
	}
	boolean := object{"type": nullable("boolean")}
	channels := object{"type": "string", "enum": enumOf(channel.Channels()), "description": catalog[rListChannelEnum].Description}
	voiceOnly := object{"type": "string", "enum": []any{string(channel.Voice)}, "description": catalog[rListChannelVoiceOnly].Description}
	acw := func(types any) object {
		return members(types, afterContactWorkMembers, object{
			"AfterContactWorkTimeLimit": timeLimit("AfterContactWorkConfigs[i].{AfterContactWorkConfig|AgentFirstCallbackAfterContactWorkConfig}.AfterContactWorkTimeLimit"),
		})
	}
	// A channel-specific list: null or a list of distinct channels' objects
	// (so at most as many as there are channels it takes).
	list := func(field string, item object, channels int) object {
		return described(object{"type": nullable("array"), "maxItems": channels, "items": item}, field)
	}
	phoneTypes := enumOf(channel.PhoneTypes())

	props := object{
		"InstanceId": described(object{"type": "string", "minLength": 1, "maxLength": maxInstanceID}, "InstanceId"),
		"Username": described(object{"type": "string", "minLength": 1, "maxLength": maxUsername,
			"pattern": pattern.UsernameRegexp}, "Username"),
		"Password": described(object{"type": nullable("string"), "minLength": minPassword, "maxLength": maxPassword,
			"allOf": []any{
				object{"pattern": "[a-z]"}, object{"pattern": "[A-Z]"}, object{"pattern": "[0-9]"},
				object{"pattern": "^[^" + whiteSpaceClass() + "]*$"},
			}}, "Password"),
		"IdentityInfo": members(nullable("object"), identityInfoMembers, object{
			"FirstName":      described(object{"type": nullable("string"), "maxLength": maxFirstName}, "IdentityInfo.FirstName"),
			"LastName":       described(object{"type": nullable("string"), "maxLength": maxLastName}, "IdentityInfo.LastName"),
			"Email":          email("IdentityInfo.Email"),
			"SecondaryEmail": email("IdentityInfo.SecondaryEmail"),
			"Mobile":         e164("IdentityInfo.Mobile"),
		}),
		"PhoneConfig": members(nullable("object"), phoneConfigMembers, object{
			"PhoneType":                 described(object{"type": nullable("string"), "enum": append(phoneTypes, nil)}, "PhoneConfig.PhoneType"),
			"AutoAccept":                boolean,
			"AfterContactWorkTimeLimit": timeLimit("PhoneConfig.AfterContactWorkTimeLimit"),
			"DeskPhoneNumber":           e164("PhoneConfig.DeskPhoneNumber"),
			"PersistentConnection":      boolean,
		}),
		"DirectoryUserId": described(object{"type": nullable("string"), "minLength": 1}, "DirectoryUserId"),
		"SecurityProfileIds": described(object{"type": "array", "minItems": 1, "maxItems": maxSecurityProfiles, "uniqueItems": true,
			"items": described(object{"type": "string", "minLength": 1}, "SecurityProfileIds[i]")}, "SecurityProfileIds"),
		"RoutingProfileId": described(object{"type": "string", "minLength": 1}, "RoutingProfileId"),
		"HierarchyGroupId": described(object{"type": nullable("string"), "minLength": 1}, "HierarchyGroupId"),
		"AutoAcceptConfigs": list(nameAutoAccept, members("object", autoAcceptConfigMembers, object{
			"Channel":                      channels,
			"AutoAccept":                   described(object{"type": "boolean"}, "AutoAcceptConfigs[i].AutoAccept"),
			"AgentFirstCallbackAutoAccept": boolean,
		}, "Channel", "AutoAccept"), len(channel.Channels())),
		"AfterContactWorkConfigs": list(nameACW, members("object", afterContactWorkConfigMembers, object{
			"Channel":                channels,
			"AfterContactWorkConfig": acw("object"),
			"AgentFirstCallbackAfterContactWorkConfig": acw(nullable("object")),
		}, "Channel", "AfterContactWorkConfig"), len(channel.Channels())),
		"PhoneNumberConfigs": list(namePhoneNumbers, members("object", phoneNumberConfigMembers, object{
			"Channel":     voiceOnly,
			"PhoneType":   described(object{"type": "string", "enum": phoneTypes}, "PhoneNumberConfigs[i].PhoneType"),
			"PhoneNumber": e164("PhoneNumberConfigs[i].PhoneNumber"),
		}, "Channel", "PhoneType"), 1),
		"PersistentConnectionConfigs": list(namePersistent, members("object", persistentConfigMembers, object{
			"Channel":              voiceOnly,
			"PersistentConnection": described(object{"type": "boolean"}, "PersistentConnectionConfigs[i].PersistentConnection"),
		}, "Channel", "PersistentConnection"), 1),
		"VoiceEnhancementConfigs": list("VoiceEnhancementConfigs", members("object", voiceEnhancementConfigMembers, object{
			"Channel":              voiceOnly,
			"VoiceEnhancementMode": described(object{"type": "string", "enum": enumOf(channel.VoiceEnhancementModes())}, "VoiceEnhancementConfigs[i].VoiceEnhancementMode"),
		}, "Channel", "VoiceEnhancementMode"), 1),
		"Tags": described(object{
			"type": nullable("object"), "minProperties": 1, "maxProperties": maxTags,
			"propertyNames": object{"minLength": 1, "maxLength": maxTagKey, "pattern": pattern.TagKeyRegexp,
				"not": object{"pattern": "^[aA][wW][sS]:"}},
			"additionalProperties": described(object{"type": "string", "maxLength": maxTagValue}, "Tags[k]"),
		}, "Tags"),
	}
	if op == opCreate {
		root := members("object", inputMembers, props, "InstanceId", "Username", "SecurityProfileIds", "RoutingProfileId")
		root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
		root["$id"] = SchemaID
		root["title"] = "CreateUser request document"
		root["description"] = schemaDescription
		return root
	}
	return updateSchema(k, props, described)
}
