package validatortags

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	cuerrors "github.com/connectkit/createuser/errors"
)

// segment is one step of a validator namespace: a field name, or the text
// between brackets (a list index or a map key).
type segment struct {
	text    string
	bracket bool
}

func indexSegment(i int) segment {
	return segment{text: strconv.Itoa(i), bracket: true}
}

// index returns the list index a bracket segment stands for, when its text
// is a canonical non-negative decimal number.
func (s segment) index() (int, bool) {
	if !s.bracket || s.text == "" || (len(s.text) > 1 && s.text[0] == '0') {
		return 0, false
	}
	for i := 0; i < len(s.text); i++ {
		if s.text[i] < '0' || s.text[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s.text)
	return n, err == nil
}

// parseNamespace splits a validator namespace such as
// "Form.Agent.Tags[env].Value" into its segments. Validator writes map
// keys as they are, so a key may hold '.', '[' or ']'; a bracket closes
// at the first ']' that ends the namespace or is followed by '.' or '['.
// Only a key that itself holds "]." or "][" can be split wrongly.
func parseNamespace(ns string) []segment {
	var segs []segment
	for i := 0; i < len(ns); {
		switch ns[i] {
		case '.':
			i++
		case '[':
			j := i + 1
			for ; j < len(ns); j++ {
				if ns[j] == ']' && (j+1 == len(ns) || ns[j+1] == '.' || ns[j+1] == '[') {
					break
				}
			}
			segs = append(segs, segment{text: ns[i+1 : min(j, len(ns))], bracket: true})
			i = j + 1
		default:
			j := i
			for j < len(ns) && ns[j] != '.' && ns[j] != '[' {
				j++
			}
			segs = append(segs, segment{text: ns[i:j]})
			i = j
		}
	}
	return segs
}

// pathOf builds the wire path of segs: names are members, canonical
// numbers in brackets are list indexes, other brackets map keys.
func pathOf(segs []segment) cuerrors.Path {
	var p cuerrors.Path
	for _, s := range segs {
		switch i, ok := s.index(); {
		case !s.bracket:
			p = p.Child(s.text)
		case ok:
			p = p.Index(i)
		default:
			p = p.Key(s.text)
		}
	}
	return p
}

// isMapKey reports whether the failing value of a FieldError at segs is
// the key of a map entry rather than an element: validator names both
// "Field[x]", but for a key, x is the key printed with %v. (For a list
// element x is its index, and a decimal number is a valid tag key, so
// under connect_tag_key the two cannot be confused.)
func isMapKey(segs []segment, value any) bool {
	return len(segs) > 0 && segs[len(segs)-1].bracket && fmt.Sprint(value) == segs[len(segs)-1].text
}

// order sorts entries into a deterministic order and returns the
// violations. Validator reports struct fields in declaration order and
// list elements by index, but map entries in Go's random map order. The
// order kept is that of a tree of segments walked depth first: a member's
// own violations before its children's, field names in the order they
// first appear, brackets by index, then by key.
func order(entries []entry) cuerrors.List {
	rank := make(map[string]int)
	var prefix strings.Builder
	for _, e := range entries {
		prefix.Reset()
		for _, s := range e.key {
			writeSegment(&prefix, s)
			if _, seen := rank[prefix.String()]; !seen {
				rank[prefix.String()] = len(rank)
			}
		}
	}
	rankOf := func(segs []segment) int {
		var b strings.Builder
		for _, s := range segs {
			writeSegment(&b, s)
		}
		return rank[b.String()]
	}
	slices.SortStableFunc(entries, func(a, b entry) int {
		for i := 0; i < len(a.key) && i < len(b.key); i++ {
			sa, sb := a.key[i], b.key[i]
			if sa == sb {
				continue
			}
			if sa.bracket && sb.bracket {
				return compareBrackets(sa, sb)
			}
			return cmp.Compare(rankOf(a.key[:i+1]), rankOf(b.key[:i+1]))
		}
		return cmp.Compare(len(a.key), len(b.key))
	})
	out := make(cuerrors.List, len(entries))
	for i := range entries {
		out[i] = entries[i].v
	}
	return out
}

// compareBrackets orders list indexes numerically, before map keys, and
// map keys by their text.
func compareBrackets(a, b segment) int {
	ia, na := a.index()
	ib, nb := b.index()
	switch {
	case na && nb:
		return cmp.Compare(ia, ib)
	case na:
		return -1
	case nb:
		return 1
	}
	return strings.Compare(a.text, b.text)
}

// writeSegment writes s unambiguously, for use as a map key.
func writeSegment(b *strings.Builder, s segment) {
	if s.bracket {
		b.WriteByte('[')
	} else {
		b.WriteByte('.')
	}
	b.WriteString(strconv.Itoa(len(s.text)))
	b.WriteByte(':')
	b.WriteString(s.text)
}
