package user

import (
	"strings"

	"github.com/connectkit/createuser/internal/pattern"
)

// updateSchemaDescription is the description of an update's schema;
// %API% and %CLI% stand for the operation's names.
const updateSchemaDescription = "A Connect Customer %API% request document, as `aws connect %CLI% --cli-input-json` " +
	"reads it (InstanceId and UserId, which travel in the request path, are members of it). " +
	"Generated from the rule catalog of github.com/connectkit/createuser (`connectuser schema --operation %CLI%`): " +
	"each member has the rules it has in CreateUser, and the operation's own. Out of its reach, as in CreateUser's " +
	"schema: the rules that depend on the instance's identity management type, a channel twice in one list, " +
	"security profile ids equal once written as ARNs, the Unicode normalization of names, warnings, and integers " +
	"written with a fraction or an exponent. `connectuser validate --operation %CLI%` checks the whole catalog."

// updateSchema returns the schema of the update at position k of
// operations: CreateUser's members it has (props), its own members, and
// what it requires.
func updateSchema(k int, props object, described func(object, string) object) object {
	op := operations[k]
	own := object{
		"UserId":      described(object{"type": "string", "minLength": 1}, "UserId"),
		"resourceArn": described(object{"type": "string", "minLength": 1, "pattern": userARNPattern}, "resourceArn"),
		"tags": described(object{
			"type": "object", "minProperties": 1, "maxProperties": maxTags,
			"propertyNames":        tagKeySchema(),
			"additionalProperties": described(object{"type": "string", "maxLength": maxTagValue}, "tags[k]"),
		}, "tags"),
		"tagKeys": described(object{"type": "array", "minItems": 1, "maxItems": maxTagKeys,
			"items": described(withType(tagKeySchema(), "string"), "tagKeys[i]")}, "tagKeys"),
	}
	names := updateMembers[k]
	chosen := object{}
	for _, n := range names {
		if p, ok := own[n]; ok {
			chosen[n] = p
		} else {
			chosen[n] = props[n]
		}
	}
	var required []string
	for _, n := range names {
		switch n {
		case "InstanceId", "UserId", "resourceArn", "tags", "tagKeys", "IdentityInfo", "PhoneConfig", "RoutingProfileId", "SecurityProfileIds":
			required = append(required, n)
		}
	}
	switch op {
	case OperationUpdateUserIdentityInfo:
		chosen["IdentityInfo"] = withType(chosen["IdentityInfo"].(object), "object")
	case OperationUpdateUserPhoneConfig:
		pc := withType(chosen["PhoneConfig"].(object), "object")
		pc["required"] = []string{"PhoneType"}
		pt := copyObject(pc["properties"].(object)["PhoneType"].(object))
		pt["type"], pt["enum"] = "string", pt["enum"].([]any)[:2]
		pt["description"] = schemaDescriptionOf(opPhoneConfig, "PhoneConfig.PhoneType")
		props := copyObject(pc["properties"].(object))
		props["PhoneType"] = pt
		pc["properties"] = props
		chosen["PhoneConfig"] = pc
	}
	root := members("object", names, chosen, required...)
	if op == OperationUpdateUserConfig {
		// At least one list with an element.
		oneOf := make([]any, 0, 5)
		for _, n := range names[2:] {
			oneOf = append(oneOf, object{"required": []string{n}, "properties": object{n: object{"type": "array", "minItems": 1}}})
		}
		root["anyOf"] = oneOf
	}
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://github.com/connectkit/createuser/schemas/" + op.CLIName() + "-request.json"
	root["title"] = string(op) + " request document"
	root["description"] = strings.NewReplacer("%API%", string(op), "%CLI%", op.CLIName()).Replace(updateSchemaDescription)
	return root
}

// userARNPattern is what resource-arn.pattern accepts: an Amazon Connect
// ARN of an instance or of a resource of one.
const userARNPattern = `^arn:[^:]+:connect:[^:]+:[^:]+:instance/[^/:]+(/[\s\S]*)?$`

// tagKeySchema is the schema of a tag key.
func tagKeySchema() object {
	return object{"minLength": 1, "maxLength": maxTagKey, "pattern": pattern.TagKeyRegexp,
		"not": object{"pattern": "^[aA][wW][sS]:"}}
}

// withType returns a copy of o whose type is t (not null: required).
func withType(o object, t string) object {
	c := copyObject(o)
	c["type"] = t
	return c
}

func copyObject(o object) object {
	c := make(object, len(o))
	for k, v := range o {
		c[k] = v
	}
	return c
}
