// Package validatortags brings Connect's field rules to services that
// validate their own structs (an onboarding form, say) with
// github.com/go-playground/validator/v10: [Register] installs them on a
// *validator.Validate as tags, and [Violations] turns what the validator
// returns into the violations of package errors, with wire-style paths.
//
// The package lives apart from package user so that only programs that
// use validator/v10 link it (and its reflection); the rule engine of
// package user never touches it.
//
// # Tags
//
// Each tag checks a string (or a named string type such as
// identity.Secret), through any number of pointers; a nil pointer is an
// absent value and passes, so write required (or omitnil, or nothing) for
// presence as with any validator tag. A tag on a Go type it cannot check
// (an int under connect_username) fails with code type. Lengths count
// Unicode code points. The codes are those of the rule catalog (package
// user) for the member the tag is named after; rules that depend on the
// instance's identity management type, and the catalog's warnings, are
// not tags (validate the request itself with package user for those).
//
//	tag                             checks (code)
//	connect_instance_id             non-empty (required); at most 100 characters (length)
//	connect_username                non-empty (required); at most 100 characters (length);
//	                                only A-Z a-z 0-9 _ - . @ (pattern)
//	connect_password                8 to 64 characters (length); a-z, A-Z and 0-9, no white space (pattern)
//	connect_first_name              at most 255 characters (length); Unicode NFC (normalization)
//	connect_last_name               at most 256 characters, the strictest identity type's limit (length); NFC (normalization)
//	connect_name                    either name: at most 255 characters (length); NFC (normalization)
//	connect_email                   the service's email pattern (pattern); at most 265 characters (length)
//	connect_e164                    + and 2 to 15 digits, the first not 0 (pattern)
//	connect_tag_key                 1 to 128 characters (length); no aws: prefix in any case (reserved);
//	                                only letters, numbers, separators and _ . : / = + - @ (pattern)
//	connect_tag_value               at most 256 characters (length)
//	connect_security_profile_ids    on a list: at least one id (required); at most 10 (count);
//	                                at [i]: non-empty (required), not twice, an ARN counting
//	                                as the id it ends with (duplicate, related to the first)
//	connect_channel                 non-empty (required); VOICE, CHAT, TASK or EMAIL (enum)
//	connect_phone_type              SOFT_PHONE or DESK_PHONE (enum)
//	connect_voice_enhancement_mode  non-empty (required); VOICE_ISOLATION, NOISE_SUPPRESSION or NONE (enum)
//
// On a map of tags, use dive with keys and endkeys:
//
//	Tags map[string]string `validate:"max=50,dive,keys,connect_tag_key,endkeys,connect_tag_value"`
//
// # Violations
//
// One tag stands for several rules, while the validator reports one
// FieldError per field and tag. [Violations] therefore runs a failed
// connect_* tag's checks again on the FieldError's value and reports every
// broken rule with its own code and a Rule of the form
// "validatortags.connect_username.length". The value is read for that
// alone and never appears in a message or a Value: this package does not
// know which of a form's fields are sensitive, so it treats them all as
// such.
//
// validator/v10's own tags map to codes by what they check, with a Rule of
// the form "validatortags.max":
//
//	required, required_if, required_with, ... (all variants)   required
//	excluded_if, excluded_with, ... (all variants), isdefault  forbidden
//	min, max, len, gt, gte, lt, lte, eq, ne                    length on strings, count on
//	                                                           lists and maps, range on numbers
//	                                                           and times (eq, ne on strings: enum)
//	gtfield, ltfield, ... (and the cs variants)                the same, by kind
//	eqfield, nefield, eqcsfield, necsfield                     conflict
//	oneof, oneofci, eq_ignore_case, ne_ignore_case             enum
//	unique                                                     duplicate
//	e164, email, and every other format or unknown tag         pattern
//
// [WithTag] maps a tag of your own to a code and message.
package validatortags
