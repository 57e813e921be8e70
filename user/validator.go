package user

import (
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// Validator checks CreateUser requests, and the requests of the other
// user operations ([Validator.ValidateRequest]), against the whole rule
// catalog under fixed options. It is immutable, so one Validator is safe for
// concurrent use by any number of goroutines. The zero Validator, and a nil
// *Validator, check under the Unknown identity type, like NewValidator().
type Validator struct {
	identity identity.Type
	modes    modeSet
	maxSize  int64 // 0: DefaultMaxDocumentSize; < 0: none
	// redactUsernames: violations at Username carry no value.
	redactUsernames bool
}

// Option configures a [Validator].
type Option func(*Validator)

// WithIdentityManagement sets the identity management type of the instance
// the requests are for. Without it (or with [identity.Unknown]) a rule that
// depends on the type reports only where every type would report it, with
// the mildest severity among them: a 70-character Username is a warning
// (an error only under SAML), a missing Password is nothing (fine for SAML).
func WithIdentityManagement(t identity.Type) Option {
	return func(v *Validator) {
		v.identity = t
		v.modes = modesOf(t)
	}
}

// NewValidator returns a Validator with the given options.
func NewValidator(opts ...Option) *Validator {
	v := configure(opts)
	return &v
}

// configure returns a Validator with opts applied.
func configure(opts []Option) Validator {
	v := Validator{modes: modeAll}
	for _, o := range opts {
		if o != nil {
			o(&v)
		}
	}
	return v
}

// IdentityManagement returns the identity management type v checks under.
func (v *Validator) IdentityManagement() identity.Type {
	if v == nil {
		return identity.Unknown
	}
	return v.identity
}

// Validate checks in against every rule of the catalog and returns every
// violation, in a deterministic order; nil when there is none. A valid
// request costs no allocation. A string member that is not valid UTF-8 is
// a syntax violation of its own (rule document.utf8, as when a document is
// read; the wire encoding would send U+FFFD in its place) and takes part in
// no other rule. A nil in is reported as a document with
// every required member missing. Of a list longer than
// [MaxCheckedElements] and of Tags with more than [MaxCheckedTags] entries
// only the first entries are checked (see [MaxCheckedElements]); in is
// never changed.
func (v *Validator) Validate(in *CreateUserInput) cuerrors.List {
	if in == nil {
		in = &CreateUserInput{}
	}
	return v.validate(in, nil, true)
}

// AppendValidate checks in as [Validator.Validate] does and appends its
// violations to dst, returning the extended list, as the strconv.Append
// functions do. A caller that checks many requests and reuses one list
// (passing list[:0]) pays no allocation for the violations once the list
// is large enough; only the related paths of conflicts and duplicates get
// one block per call. dst's own violations are left as they are. A nil in
// is the zero request.
func (v *Validator) AppendValidate(dst cuerrors.List, in *CreateUserInput) cuerrors.List {
	if in == nil {
		in = &CreateUserInput{}
	}
	return v.validate(in, dst, false)
}

// validate checks in, appending to out (see check for fresh): the whole
// request, or, when a list or Tags is past the limits, its first entries
// and a violation that says so.
func (v *Validator) validate(in *CreateUserInput, out cuerrors.List, fresh bool) cuerrors.List {
	cut, n := cutInput(in)
	var l cuerrors.List
	if cut == in {
		l = v.check(in, nil, out, fresh)
	} else {
		l = v.checkCut(cut, nil, append(out, limitViolations(n)...), n, fresh)
	}
	// Redaction applies to what this call appended (AppendValidate's dst
	// is left as it is), tested inline: a call here on the valid path
	// cost measure 1 of the side-by-side run about 7 %.
	if v != nil && v.redactUsernames && len(l) > len(out) {
		RedactUsernames(l[len(out):])
	}
	return l
}

// ValidateDocument reads a request document (the request as JSON, with
// InstanceId) and checks it: the reading rules (syntax, unknown members,
// wrong JSON types, duplicate members, invalid UTF-8), then every catalog
// rule on what could be read. A member that could not be read takes part
// in no other rule. After a syntax error nothing else is checked, since the
// rest of the document cannot be trusted. The request is returned as far
// as it was read (nil after a syntax error at the start, and for a
// document over the size limit, which is not read at all; see
// [WithMaxDocumentSize]). The lists and Tags of the request returned hold
// the entries that were checked (see [MaxCheckedElements]).
//
// Each violation carries the Line and Column of the member it names (see
// [Locate]); they are looked up only when there are violations, so a
// valid document costs nothing more.
func (v *Validator) ValidateDocument(data []byte) (*CreateUserInput, cuerrors.List) {
	return v.ValidateDocumentAt(data, 1)
}

// ValidateDocumentAt is [Validator.ValidateDocument] for a document that
// starts on line line (1-based) of a larger source, such as a line of JSON
// Lines or one document of a stream: a syntax error's message and its
// Line name the source's line, not the document's. A line below 1 is 1.
func (v *Validator) ValidateDocumentAt(data []byte, line int) (*CreateUserInput, cuerrors.List) {
	if limit := v.maxDocumentSize(); limit > 0 && int64(len(data)) > limit {
		return nil, documentTooLarge(limit)
	}
	in, list := v.validateDocument(data, line)
	if len(list) > 0 {
		LocateAt(data, list, line)
	}
	return in, list
}

// validateDocument is ValidateDocumentAt without the positions of the
// violations found after reading (a syntax error has its own).
func (v *Validator) validateDocument(data []byte, line int) (*CreateUserInput, cuerrors.List) {
	d := decodeAt(data, line)
	if d.fatal {
		return d.input, d.list
	}
	return d.input, v.redact(v.checkCut(d.input, d.skip, d.list, d.lengths, len(d.list) == 0))
}

// Validate checks in with a Validator made from opts; see
// [Validator.Validate]. Applying the options costs an allocation; to check
// many requests, make one Validator with [NewValidator] and reuse it.
func Validate(in *CreateUserInput, opts ...Option) cuerrors.List {
	v := configure(opts)
	return v.Validate(in)
}

// ValidateDocument reads and checks a request document with a Validator
// made from opts; see [Validator.ValidateDocument].
func ValidateDocument(data []byte, opts ...Option) (*CreateUserInput, cuerrors.List) {
	v := configure(opts)
	return v.ValidateDocument(data)
}

// Decode reads a request document and reports only the reading rules
// (and the limits: [WithMaxDocumentSize] is the one option it uses), with
// positions as [Validator.ValidateDocument] gives them. To
// check the catalog as well, use [ValidateDocument], which knows which
// members could not be read and keeps them out of the other rules.
func Decode(data []byte, opts ...Option) (*CreateUserInput, cuerrors.List) {
	v := configure(opts)
	if limit := v.maxDocumentSize(); limit > 0 && int64(len(data)) > limit {
		return nil, documentTooLarge(limit)
	}
	d := decode(data)
	if len(d.list) > 0 {
		Locate(data, d.list)
	}
	return d.input, d.list
}
