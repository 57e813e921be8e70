package user

import cuerrors "github.com/connectkit/createuser/errors"

// WithRedactedUsernames makes a [Validator] withhold usernames from the
// violations it reports: a violation at Username (its length, its
// pattern, a duplicate) carries no Value. Without it, Username is the one
// member whose value a violation echoes among those that often hold
// personal data (a username is often an email address): a person needs it
// to find the user. Use it for reports that leave the organisation;
// `connectuser validate --redact-usernames` is the same. Passwords, the
// IdentityInfo members and phone numbers are never echoed, with or
// without it.
func WithRedactedUsernames() Option {
	return func(v *Validator) { v.redactUsernames = true }
}

// RedactUsernames removes the value of every violation of l at Username,
// in place, and returns l: for violations made outside a [Validator], such
// as the duplicates a [Batch] reports.
func RedactUsernames(l cuerrors.List) cuerrors.List {
	for i := range l {
		if l[i].Field.Equal(pathUsername) && l[i].Field.Document() == "" {
			l[i].Value = cuerrors.Value{}
		}
	}
	return l
}

// redact applies the options of v that change what a violation shows.
func (v *Validator) redact(l cuerrors.List) cuerrors.List {
	if v != nil && v.redactUsernames {
		return RedactUsernames(l)
	}
	return l
}
