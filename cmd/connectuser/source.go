package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/connectkit/createuser/user"
)

// inputFormat says how a source holds its documents.
type inputFormat string

const (
	inputAuto  inputFormat = "auto"  // by extension; standard input is sniffed
	inputJSON  inputFormat = "json"  // one request document
	inputJSONL inputFormat = "jsonl" // JSON Lines: one document a line
)

// stdinName is the source name of standard input, as it is given.
const stdinName = "-"

// feeder reads the PATH arguments in order and turns every document into
// a job of the pipeline; a path that cannot be read becomes a job that
// carries the error, so that it is reported in its place.
type feeder struct {
	p     *pipeline
	input inputFormat // --input: for standard input and files named as PATH
	max   int         // --max-document-size
	stdin io.Reader
	// recursive: a directory's subdirectories are read too (--recursive).
	recursive bool
}

// feed reads every path, then closes the pipeline. It stops early when
// the writer stops.
func (f *feeder) feed(paths []string) {
	defer f.p.close()
	for _, path := range paths {
		if !f.path(path) {
			return
		}
	}
}

// path reads one PATH argument; false means the writer has stopped.
func (f *feeder) path(path string) bool {
	if path == stdinName {
		return f.stdinSource()
	}
	info, err := os.Stat(path)
	if err != nil {
		return f.fail(err)
	}
	if !info.IsDir() {
		format := f.input
		if format == inputAuto {
			format = formatByExtension(path)
		}
		return f.file(path, format)
	}
	return f.dir(path)
}

// dir reads the documents of a directory: its .json and .jsonl files in
// name order and, with --recursive, its subdirectories in the same order
// (depth first, as filepath.WalkDir goes); a link to a directory is not
// followed, so no cycle is possible.
func (f *feeder) dir(path string) bool {
	entries, err := os.ReadDir(path) // sorted by name
	if err != nil {
		return f.fail(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			if f.recursive && !f.dir(filepath.Join(path, e.Name())) {
				return false
			}
			continue
		}
		if ext := filepath.Ext(e.Name()); !strings.EqualFold(ext, ".json") && !strings.EqualFold(ext, ".jsonl") {
			continue
		}
		format := formatByExtension(e.Name())
		name := filepath.Join(path, e.Name())
		if e.Type()&os.ModeSymlink != 0 {
			// A link counts as what it points to; a dangling one cannot
			// be read.
			target, err := os.Stat(name)
			if err != nil {
				if !f.fail(err) {
					return false
				}
				continue
			}
			if !target.Mode().IsRegular() {
				continue
			}
		} else if !e.Type().IsRegular() {
			continue // devices, sockets and the like are skipped
		}
		if !f.file(name, format) {
			return false
		}
	}
	return true
}

// formatByExtension reads .jsonl (in any letter case) as JSON Lines and
// anything else as one document.
func formatByExtension(name string) inputFormat {
	if strings.EqualFold(filepath.Ext(name), ".jsonl") {
		return inputJSONL
	}
	return inputJSON
}

// fail submits a job that reports err; false means the writer stopped.
func (f *feeder) fail(err error) bool {
	j := f.p.acquire()
	if j == nil {
		return false
	}
	j.err = err
	f.p.submit(j)
	return true
}

func (f *feeder) file(name string, format inputFormat) bool {
	file, err := os.Open(name)
	if err != nil {
		return f.fail(err)
	}
	defer file.Close()
	quoted := quote(name)
	if format == inputJSONL {
		return f.lines(newLineReader(file, f.max), name, quoted)
	}
	return f.whole(file, nil, name, quoted)
}

// quote returns s as a JSON string.
func quote(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}

// lines submits a job per non-blank line of lr.
func (f *feeder) lines(lr *lineReader, name string, quoted []byte) bool {
	for {
		j := f.p.acquire()
		if j == nil {
			return false
		}
		data, line, tooLong, err := lr.next(j.data)
		if err == io.EOF {
			f.p.release(j)
			return true
		}
		if err != nil {
			j.err = readError(name, err)
			f.p.submit(j)
			return true
		}
		j.origin = user.Origin{Source: name, Line: line}
		j.quoted, j.data, j.tooLarge = quoted, data, tooLong
		f.p.submit(j)
	}
}

// whole submits the document that prefix and then r hold, reading no more
// than the limit and one byte.
func (f *feeder) whole(r io.Reader, prefix []byte, name string, quoted []byte) bool {
	j := f.p.acquire()
	if j == nil {
		return false
	}
	j.origin, j.quoted = user.Origin{Source: name}, quoted
	data, tooLarge, err := readLimited(append(j.data[:0], prefix...), r, f.max)
	if err != nil {
		j.err = readError(name, err)
	} else {
		j.data, j.tooLarge = data, tooLarge
	}
	f.p.submit(j)
	return true
}

// readError names the input an error came from, unless the error (a
// *os.PathError) already does.
func readError(name string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return err
	}
	if name == stdinName {
		name = "standard input"
	}
	return fmt.Errorf("read %s: %w", name, err)
}

// readLimited appends r's bytes to dst until the end of r or until dst is
// longer than max; tooLarge says the latter, with dst emptied.
func readLimited(dst []byte, r io.Reader, limit int) (data []byte, tooLarge bool, err error) {
	for {
		if len(dst) > limit {
			return dst[:0], true, nil
		}
		if cap(dst)-len(dst) < 512 {
			dst = slices.Grow(dst, min(max(cap(dst), 4096), limit+1))
		}
		n, err := r.Read(dst[len(dst):min(cap(dst), limit+1)])
		dst = dst[:len(dst)+n]
		if err == io.EOF {
			if len(dst) > limit {
				return dst[:0], true, nil
			}
			return dst, false, nil
		}
		if err != nil {
			return nil, false, err
		}
	}
}

// stdinSource reads standard input as --input says. With auto, it is a
// JSON array of documents when it starts with '[', JSON Lines when its
// first non-blank line is a JSON value on its own (or longer than the
// limit), and otherwise a stream of documents spread over lines, as
// people write them, one or more, concatenated (a stream of one is
// reported without a line, like a file); nothing but blank lines is JSON
// Lines without a document.
func (f *feeder) stdinSource() bool {
	br := bufio.NewReaderSize(f.stdin, readBufferSize)
	quoted := quote(stdinName)
	switch f.input {
	case inputJSON:
		return f.whole(br, nil, stdinName, quoted)
	case inputJSONL:
		return f.lines(newLineReader(br, f.max), stdinName, quoted)
	}
	lr := newLineReader(br, f.max)
	j := f.p.acquire()
	if j == nil {
		return false
	}
	data, line, tooLong, err := lr.next(j.data)
	switch {
	case err == io.EOF:
		f.p.release(j)
		return true
	case err != nil:
		j.err = readError(stdinName, err)
		f.p.submit(j)
		return true
	case !tooLong && bytes.HasPrefix(bytes.TrimLeft(data, " \t"), []byte("[")):
		// A JSON array of documents.
		f.p.release(j)
		vr := f.valuesAfter(data, line, br)
		_, _ = vr.skipSpace()
		_, _ = vr.r.ReadByte() // the [
		return f.stream(vr, true)
	case tooLong || json.Valid(data):
		j.origin = user.Origin{Source: stdinName, Line: line}
		j.quoted, j.data, j.tooLarge = quoted, data, tooLong
		f.p.submit(j)
		return f.lines(lr, stdinName, quoted)
	}
	// One document spread over lines, as people write them, or a stream of
	// them (concatenated, pretty-printed).
	f.p.release(j)
	return f.stream(f.valuesAfter(data, line, br), false)
}

// valuesAfter returns a valueReader over first (the first non-blank line,
// line number line, already read) and then the rest of br.
func (f *feeder) valuesAfter(first []byte, line int, br *bufio.Reader) *valueReader {
	head := append(append(make([]byte, 0, len(first)+1), first...), '\n')
	r := bufio.NewReaderSize(io.MultiReader(bytes.NewReader(head), br), readBufferSize)
	return &valueReader{r: r, max: f.max, line: line}
}
