package validatortags

import (
	"reflect"
	"strconv"
	"strings"

	cuerrors "github.com/connectkit/createuser/errors"
)

// measure is what a size tag (min, max, len, gt, ...) measures on a field
// of some kind: characters of a string (length), entries of a list or map
// (count), or the value of a number or a time (range).
type measure uint8

const (
	measureLength measure = iota
	measureCount
	measureRange
)

func measureOf(k reflect.Kind) measure {
	switch k {
	case reflect.String:
		return measureLength
	case reflect.Slice, reflect.Array, reflect.Map, reflect.Chan:
		return measureCount
	}
	return measureRange
}

func (m measure) code() cuerrors.Code {
	switch m {
	case measureLength:
		return cuerrors.CodeLength
	case measureCount:
		return cuerrors.CodeCount
	}
	return cuerrors.CodeRange
}

// bound renders a size limit: "at most 10 characters", "at least 1
// entries", "greater than 0". The parameter is used only when it is a
// number (it comes from the struct tag, never from the value); otherwise
// the sentence says "the limit".
func (m measure) bound(relation, param string) string {
	if _, err := strconv.ParseFloat(param, 64); err != nil || param == "" {
		return relation + " the limit the rule sets"
	}
	one := param == "1"
	switch {
	case m == measureLength && one:
		return relation + " 1 character"
	case m == measureLength:
		return relation + " " + param + " characters"
	case m == measureCount && one:
		return relation + " 1 entry"
	case m == measureCount:
		return relation + " " + param + " entries"
	}
	return relation + " " + param
}

// standard maps a tag of validator/v10 (or an unknown one) to a code and a
// fixed message. kind is the field's kind, param the tag's parameter from
// the struct tag. Messages never hold the field's value.
func standard(tag string, kind reflect.Kind, param string) (cuerrors.Code, string) {
	m := measureOf(kind)
	switch tag {
	case "required", "required_if", "required_unless", "required_with", "required_with_all",
		"required_without", "required_without_all":
		return cuerrors.CodeRequired, "A value is required."
	case "excluded_if", "excluded_unless", "excluded_with", "excluded_with_all",
		"excluded_without", "excluded_without_all", "isdefault":
		return cuerrors.CodeForbidden, "The value must be absent."
	case "min", "gte":
		return m.code(), "The value must be " + m.bound("at least", param) + "."
	case "max", "lte":
		return m.code(), "The value must be " + m.bound("at most", param) + "."
	case "gt":
		return m.code(), "The value must be " + m.bound("more than", param) + "."
	case "lt":
		return m.code(), "The value must be " + m.bound("less than", param) + "."
	case "len":
		return m.code(), "The value must be " + m.bound("exactly", param) + "."
	case "eq", "ne", "eq_ignore_case", "ne_ignore_case":
		if m == measureLength || strings.HasSuffix(tag, "_ignore_case") {
			// On a string, eq and ne compare the value with the parameter:
			// a set of one allowed (or excluded) value, not named here.
			if strings.HasPrefix(tag, "eq") {
				return cuerrors.CodeEnum, "The value must be the one the rule allows."
			}
			return cuerrors.CodeEnum, "The value must not be the one the rule excludes."
		}
		if tag == "eq" {
			return m.code(), "The value must be " + m.bound("exactly", param) + "."
		}
		return m.code(), "The value must not be " + m.bound("exactly", param) + "."
	case "oneof", "oneofci":
		return cuerrors.CodeEnum, "The value must be one of: " + strings.Join(strings.Fields(param), ", ") + "."
	case "unique":
		return cuerrors.CodeDuplicate, "The same value appears twice."
	case "eqfield", "eqcsfield":
		return cuerrors.CodeConflict, "The value must equal that of " + param + "."
	case "nefield", "necsfield":
		return cuerrors.CodeConflict, "The value must differ from that of " + param + "."
	case "gtfield", "gtcsfield":
		return m.code(), "The value must be greater than that of " + param + "."
	case "gtefield", "gtecsfield":
		return m.code(), "The value must be at least that of " + param + "."
	case "ltfield", "ltcsfield":
		return m.code(), "The value must be less than that of " + param + "."
	case "ltefield", "ltecsfield":
		return m.code(), "The value must be at most that of " + param + "."
	case "e164":
		return cuerrors.CodePattern, "The value must be a phone number in E.164 form: + and up to 15 digits."
	case "email":
		return cuerrors.CodePattern, "The value must be an email address."
	}
	return cuerrors.CodePattern, "The value does not satisfy the " + tag + " rule."
}
