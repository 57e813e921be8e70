package onboard

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/connectkit/createuser/user"
)

// ReadRequests reads the request documents at path: a request document
// (.json), a JSON Lines file (.jsonl, and any other name: import's
// output), or a directory (its .json and .jsonl files, sorted by name).
// A document is kept as read; Check judges it.
func ReadRequests(path string) ([]Request, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return readFile(path)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, err
	}
	var out []Request
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || (ext != ".json" && ext != ".jsonl") {
			continue
		}
		reqs, err := readFile(filepath.Join(path, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, reqs...)
	}
	return out, nil
}

func readFile(path string) ([]Request, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if strings.EqualFold(filepath.Ext(path), ".json") {
		data, err := io.ReadAll(io.LimitReader(f, user.DefaultMaxDocumentSize+1))
		if err != nil {
			return nil, err
		}
		return []Request{{Origin: user.Origin{Source: path}, Document: data}}, nil
	}
	return ReadJSONLines(f, path)
}

// ReadJSONLines reads one request document a line from r; source names
// r in each Origin. Blank lines are skipped but counted. A line longer
// than user.DefaultMaxDocumentSize is kept cut to that size plus one
// byte, so that Check reports it as too large.
func ReadJSONLines(r io.Reader, source string) ([]Request, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var out []Request
	for n := 1; ; n++ {
		line, err := readLine(br, user.DefaultMaxDocumentSize+1)
		if len(bytes.TrimSpace(line)) > 0 {
			out = append(out, Request{Origin: user.Origin{Source: source, Line: n}, Document: line})
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", source, n, err)
		}
	}
}

// readLine returns the next line without its line break, at most limit
// bytes of it (the rest is skipped).
func readLine(br *bufio.Reader, limit int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line) < limit {
			line = append(line, chunk[:min(len(chunk), limit-len(line))]...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimRight(line, "\r\n")
		return line, err
	}
}
