package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// compactSARIF rewrites the JSON that go-sarif writes without what its
// constructors fill in for members that were never set: the -1 that SARIF
// gives as the default of an index, a length, an offset or a rank (absent
// means the same), empty lists, and empty objects. A run's results stay,
// even empty: SARIF reads [] as "the tool ran and found nothing". The
// order of the members is kept.
func compactSARIF(data []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out bytes.Buffer
	if _, err := compactValue(dec, &out, ""); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("report: SARIF: more than one JSON value")
	}
	var indented bytes.Buffer
	if err := json.Indent(&indented, out.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	indented.WriteByte('\n')
	return indented.Bytes(), nil
}

// compactValue copies the next value of dec to out, compacted, and
// reports whether it holds anything: false for -1, [] and {} (but a
// run's results, the member named key).
func compactValue(dec *json.Decoder, out *bytes.Buffer, key string) (bool, error) {
	tok, err := dec.Token()
	if err != nil {
		return false, err
	}
	switch tok {
	case json.Delim('{'):
		out.WriteByte('{')
		n := 0
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return false, err
			}
			name, _ := k.(string)
			mark := out.Len()
			if n > 0 {
				out.WriteByte(',')
			}
			b, _ := json.Marshal(name)
			out.Write(b)
			out.WriteByte(':')
			kept, err := compactValue(dec, out, name)
			if err != nil {
				return false, err
			}
			if kept {
				n++
			} else {
				out.Truncate(mark)
			}
		}
		if _, err := dec.Token(); err != nil { // '}'
			return false, err
		}
		out.WriteByte('}')
		return n > 0, nil
	case json.Delim('['):
		out.WriteByte('[')
		n := 0
		for dec.More() {
			if n > 0 {
				out.WriteByte(',')
			}
			if _, err := compactValue(dec, out, ""); err != nil {
				return false, err
			}
			n++
		}
		if _, err := dec.Token(); err != nil { // ']'
			return false, err
		}
		out.WriteByte(']')
		return n > 0 || key == "results", nil
	}
	b, err := json.Marshal(tok)
	if err != nil {
		return false, err
	}
	out.Write(b)
	return tok != json.Number("-1"), nil
}
