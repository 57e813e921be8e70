package onboard

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"

	"github.com/connectkit/createuser/user"
)

// digestKeySize is the length of a journal's digest key, in bytes.
const digestKeySize = 32

// Digest returns the journal's digest of the request in: HMAC-SHA256,
// under the journal's own random key, of the request's JSON body
// (user.CreateUserInput.Body: every member in wire names, map keys
// sorted) without Password and without InstanceId (the journal records
// the instance beside it, as an ID however the request spelled it),
// in unpadded base64url. Two requests that differ in any other member
// have different digests; the same request has the same digest in every
// run on the journal. "" for a nil journal or a nil request.
//
// The digest reveals no member: the password is not in it at all, and the
// other members (names, email addresses, phone numbers) only to someone
// who holds the journal (and so its key) and guesses the whole request
// but its password, member for member. The key makes the digests of two
// journals unrelated, so a digest cannot be looked up in a table made
// beforehand or compared across journals.
func (j *Journal) Digest(in *user.CreateUserInput) string {
	if j == nil || in == nil {
		return ""
	}
	c := *in // shallow: only top-level members are changed
	c.Password = nil
	c.InstanceId = ""
	body, err := c.Body()
	if err != nil {
		return ""
	}
	mac := hmac.New(sha256.New, j.key)
	mac.Write(body)
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}
