package user

import (
	"maps"
	"slices"

	cuerrors "github.com/connectkit/createuser/errors"
)

// Limits that keep a hostile request — a document from a form or another
// service, or a request built from one — from costing unbounded time or
// memory. Each is reported as a violation, never as a panic or an error of
// another kind:
//
//   - a document longer than the size limit is not read: one violation,
//     document.size (code length, at the document);
//   - nesting deeper than 64 objects and lists stops the reading:
//     document.depth (code syntax, at the member that holds it);
//   - a list (SecurityProfileIds or a channel-specific list) with more than
//     [MaxCheckedElements] elements, or Tags with more than
//     [MaxCheckedTags] entries, is checked on its first entries only:
//     limit.elements (code count, at the list, the value its real length).
//     The service allows 10 security profiles, 50 tags and one element per
//     channel, so such a request is far from valid; the other rules still
//     report on the entries checked, and the count rules of
//     SecurityProfileIds and Tags still give the real length as their value;
//   - after [MaxReadingViolations] violations of the reading rules,
//     reading stops: document.violations (code count, at the document),
//     and no other rule is checked, as after a syntax error;
//   - a violation's value is cut past [cuerrors.MaxValueBytes] bytes (see
//     [cuerrors.Value]), so a 10 MB member is not echoed back.
//
// So a document of n bytes costs O(n) time and at most a small constant
// times n bytes of memory while it is read and checked, and the violation
// list it gives is at most a few thousand entries, whatever the document.
const (
	// DefaultMaxDocumentSize is the size limit, in bytes, that
	// ValidateDocument and Decode apply unless [WithMaxDocumentSize] sets
	// another: 1 MiB, the default of `connectuser validate
	// --max-document-size` too. A request document is about 1 KiB.
	DefaultMaxDocumentSize = 1 << 20

	// MaxCheckedElements is how many elements of one list the rules check.
	MaxCheckedElements = 100

	// MaxCheckedTags is how many entries of Tags the rules check: the
	// first ones of a document, the smallest keys of a map.
	MaxCheckedTags = 100

	// MaxReadingViolations is how many violations of the reading rules
	// (syntax, type, unknown, duplicate members, invalid UTF-8) one
	// document may have before reading stops.
	MaxReadingViolations = 1000
)

// WithMaxDocumentSize sets the size limit, in bytes, of the documents that
// ValidateDocument and Decode read. A longer document is not read at all:
// its only violation is document.size (code length, at the document) and
// no request is returned. Without this option the limit is
// [DefaultMaxDocumentSize]; n of 0 or less removes it (the other limits
// still hold).
func WithMaxDocumentSize(n int64) Option {
	return func(v *Validator) {
		if n <= 0 {
			v.maxSize = -1
			return
		}
		v.maxSize = n
	}
}

// maxDocumentSize returns the size limit of v, or 0 for none.
func (v *Validator) maxDocumentSize() int64 {
	switch {
	case v == nil || v.maxSize == 0:
		return DefaultMaxDocumentSize
	case v.maxSize < 0:
		return 0
	}
	return v.maxSize
}

// limited names the lists and the map whose entries the rules check only
// up to a limit, in the order of the request's members.
type limited uint8

const (
	limitedIDs limited = iota
	limitedAutoAccept
	limitedACW
	limitedNumbers
	limitedPersistent
	limitedVoice
	limitedTags
	limitedTagKeys
	limitedCount
)

// limitedPaths are the paths of the limited members.
var limitedPaths = [limitedCount]cuerrors.Path{
	pathSecurityProfiles, pathAutoAccept, pathACW, pathPhoneNumbers, pathPersistent, pathVoice, pathTags, pathTagKeys,
}

// lengths holds, for each limited member that was cut, its real length
// (number of elements, or of tags); 0 for a member that was not cut.
type lengths [limitedCount]int

// limitViolation returns the limit.elements violation of member m, whose
// real length is n.
func limitViolation(m limited, n int) cuerrors.Violation {
	v := violation(rLimitElements, limitedPaths[m])
	v.Value = cuerrors.IntValue(int64(n))
	return v
}

// cutInput returns in itself when no limited member is longer than its
// limit. Otherwise it returns a shallow copy whose long lists are cut to
// their first elements and whose Tags hold only the smallest keys, with
// the real lengths; in is not changed.
func cutInput(in *CreateUserInput) (*CreateUserInput, lengths) {
	var n lengths
	if len(in.SecurityProfileIds) <= MaxCheckedElements && len(in.AutoAcceptConfigs) <= MaxCheckedElements &&
		len(in.AfterContactWorkConfigs) <= MaxCheckedElements && len(in.PhoneNumberConfigs) <= MaxCheckedElements &&
		len(in.PersistentConnectionConfigs) <= MaxCheckedElements && len(in.VoiceEnhancementConfigs) <= MaxCheckedElements &&
		len(in.Tags) <= MaxCheckedTags {
		return in, n
	}
	cut := *in
	cut.SecurityProfileIds = cutList(cut.SecurityProfileIds, &n[limitedIDs])
	cut.AutoAcceptConfigs = cutList(cut.AutoAcceptConfigs, &n[limitedAutoAccept])
	cut.AfterContactWorkConfigs = cutList(cut.AfterContactWorkConfigs, &n[limitedACW])
	cut.PhoneNumberConfigs = cutList(cut.PhoneNumberConfigs, &n[limitedNumbers])
	cut.PersistentConnectionConfigs = cutList(cut.PersistentConnectionConfigs, &n[limitedPersistent])
	cut.VoiceEnhancementConfigs = cutList(cut.VoiceEnhancementConfigs, &n[limitedVoice])
	if len(in.Tags) > MaxCheckedTags {
		n[limitedTags] = len(in.Tags)
		keys := slices.Sorted(maps.Keys(in.Tags))[:MaxCheckedTags]
		cut.Tags = make(map[string]string, len(keys))
		for _, k := range keys {
			cut.Tags[k] = in.Tags[k]
		}
	}
	return &cut, n
}

// cutList returns list's first MaxCheckedElements elements (sharing its
// memory) and records its length in n when it is longer.
func cutList[T any](list []T, n *int) []T {
	if len(list) <= MaxCheckedElements {
		return list
	}
	*n = len(list)
	return list[:MaxCheckedElements:MaxCheckedElements]
}

// limitViolations returns the limit.elements violations of the members
// that n says were cut, in the order of the request's members (the order
// of a document that json.Marshal writes).
func limitViolations(n lengths) cuerrors.List {
	var list cuerrors.List
	for m := range limitedCount {
		if n[m] > 0 {
			list = append(list, limitViolation(m, n[m]))
		}
	}
	return list
}

// checkCut runs the catalog over in, whose members n says were cut, and
// gives the count rules of SecurityProfileIds and Tags the real length as
// their value: the catalog itself only saw the entries kept.
func (v *Validator) checkCut(in *CreateUserInput, skip []cuerrors.Path, out cuerrors.List, n lengths, fresh bool) cuerrors.List {
	from := len(out)
	list := v.check(in, skip, out, fresh)
	setCutCounts(list[from:], n)
	return list
}

// setCutCounts gives the count rules of SecurityProfileIds, Tags and
// TagKeys in list the real length n says their member had, where it was
// cut: the catalog itself only saw the entries kept.
func setCutCounts(list cuerrors.List, n lengths) {
	if n == (lengths{}) {
		return
	}
	for i := range list {
		var m limited
		switch list[i].Rule {
		case catalog[rSecurityProfileIDsCount].ID:
			m = limitedIDs
		case catalog[rTagsCount].ID:
			m = limitedTags
		case catalog[rTagKeysCount].ID:
			m = limitedTagKeys
		default:
			continue
		}
		if n[m] > 0 {
			list[i].Value = cuerrors.IntValue(int64(n[m]))
		}
	}
}

// documentTooLarge is DocumentTooLarge as a list.
func documentTooLarge(limit int64) cuerrors.List {
	return cuerrors.List{DocumentTooLarge(limit)}
}
