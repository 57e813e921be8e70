package validatortags

import (
	"errors"
	"reflect"

	"github.com/go-playground/validator/v10"

	cuerrors "github.com/connectkit/createuser/errors"
)

// rulePrefix begins the Rule of every violation this package makes.
const rulePrefix = "validatortags."

// Option configures [Violations].
type Option func(*config)

type config struct {
	tags       map[string]mapping
	noRootType bool
}

// mapping is how a tag's failures are reported.
type mapping struct {
	code    cuerrors.Code
	message string
}

// WithTag reports failures of the validator tag tag (one of your own, or
// one this package maps otherwise) with code and message. The message
// should be a fixed sentence: never build it from a field's value. A
// second WithTag for the same tag replaces the first.
func WithTag(tag string, code cuerrors.Code, message string) Option {
	return func(c *config) {
		if c.tags == nil {
			c.tags = make(map[string]mapping)
		}
		c.tags[tag] = mapping{code: code, message: message}
	}
}

// WithoutRootTypeName tells Violations that the namespaces do not begin
// with the name of the validated type. Validate.Struct on a named struct
// type puts that name first ("Form.Agent.Username"), and Violations drops
// it by default; an anonymous struct type, or a struct given to
// Validate.Var, has no such name, and its first member must be kept.
func WithoutRootTypeName() Option {
	return func(c *config) { c.noRootType = true }
}

// Violations turns what a *validator.Validate returned into violations:
// each validator.FieldError becomes one violation per broken rule, at the
// wire-style path of its field, with a code of the closed set, severity
// error and a Rule beginning with "validatortags.". It returns nil for a
// nil err.
//
// Paths come from FieldError.Namespace without the validated type's name
// ("Form.Agent.Tags[env]" becomes Agent.Tags[env]); register a tag name
// function on the validator (see the package example) to get JSON member
// names instead of Go field names. A connect_tag_key failure on a map key
// is reported at the map itself, as package user reports tag keys.
//
// A connect_* tag stands for several rules; Violations runs the tag's
// checks again on the FieldError's value to report each broken rule with
// its own code (a 101-character username with a space is a length and a
// pattern violation). The value is read for that alone: no message or
// Value of the result ever holds a field's value, since a form's fields
// may hold passwords and personal data. Other tags map as the package
// documentation lists; a tag it does not know is a pattern violation
// unless [WithTag] says otherwise.
//
// A validator.InvalidValidationError (a nil or non-struct given to
// Validate.Struct) becomes one type violation at the root, and any other
// non-nil error one type violation at the root with a fixed message.
// Violations come in the validator's order (struct fields in declaration
// order), except that the entries of a map are sorted by key and list
// elements by index, so the result does not depend on map iteration.
func Violations(err error, opts ...Option) cuerrors.List {
	if err == nil {
		return nil
	}
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	var fieldErrs validator.ValidationErrors
	if errors.As(err, &fieldErrs) {
		if len(fieldErrs) == 0 {
			return nil
		}
		var out []entry
		for _, fe := range fieldErrs {
			out = cfg.appendFieldError(out, fe)
		}
		return order(out)
	}
	var invalid *validator.InvalidValidationError
	if errors.As(err, &invalid) {
		return cuerrors.List{{Code: cuerrors.CodeType, Severity: cuerrors.SeverityError, Rule: rulePrefix + "invalid",
			Message: "The validator was given a value it cannot validate (a nil, or not a struct)."}}
	}
	return cuerrors.List{{Code: cuerrors.CodeType, Severity: cuerrors.SeverityError, Rule: rulePrefix + "error",
		Message: "The validator returned an error that is not a validation result."}}
}

// entry is a violation with the segments that order it.
type entry struct {
	v   cuerrors.Violation
	key []segment
}

func (c *config) appendFieldError(out []entry, fe validator.FieldError) []entry {
	segs := parseNamespace(fe.Namespace())
	if !c.noRootType && len(segs) > 1 && !segs[0].bracket {
		segs = segs[1:]
	}
	field := pathOf(segs)
	tag := fe.ActualTag()

	if m, ok := c.tags[tag]; ok {
		return append(out, entry{key: segs, v: violation(field, m.code, rulePrefix+tag, m.message)})
	}
	if t, ok := tagsByName[tag]; ok {
		return t.appendViolations(out, fe, segs, field)
	}
	code, msg := standard(tag, fe.Kind(), fe.Param())
	return append(out, entry{key: segs, v: violation(field, code, rulePrefix+tag, msg)})
}

// appendViolations reports the failure of connect tag t on fe: one
// violation per broken check, found by running the checks again on the
// value.
func (t *connectTag) appendViolations(out []entry, fe validator.FieldError, segs []segment, field cuerrors.Path) []entry {
	var fs []finding
	if rv, present := deref(reflect.ValueOf(fe.Value())); present {
		fs = t.findings(rv)
	}
	if len(fs) == 0 {
		// The function registered under the tag is not ours, or the value
		// is gone: report the tag's first rule.
		c := t.primary()
		return append(out, entry{key: segs, v: violation(field, c.code, rulePrefix+t.name, c.message)})
	}
	if t.name == TagTagKey && isMapKey(segs, fe.Value()) {
		// A tag key is reported at its map, as the engine does; the key would
		// be the Value, which this package never sets.
		field = field.Parent()
	}
	for _, f := range fs {
		p, key := field, segs
		if f.index >= 0 {
			p = field.Index(f.index)
			key = append(segs[:len(segs):len(segs)], indexSegment(f.index))
		}
		v := violation(p, f.check.code, rulePrefix+t.name+"."+f.check.id, f.check.message)
		if f.related >= 0 {
			v.Related = []cuerrors.Path{field.Index(f.related)}
		}
		out = append(out, entry{key: key, v: v})
	}
	return out
}

// primary returns the check that stands for t as a whole.
func (t *connectTag) primary() *check {
	if t.list {
		return &profilesRequired
	}
	c := &t.strings[0].check
	if c.code == cuerrors.CodeRequired && len(t.strings) > 1 {
		c = &t.strings[1].check
	}
	return c
}

func violation(field cuerrors.Path, code cuerrors.Code, rule, message string) cuerrors.Violation {
	return cuerrors.Violation{Field: field, Code: code, Severity: cuerrors.SeverityError, Rule: rule, Message: message}
}
