package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzJSONLines feeds arbitrary bytes to `validate --input jsonl -`, in
// process, and checks the line reader and the pipeline behind it: no
// panic, exit status 0 or 1 with nothing on standard error, one record per
// non-blank line in input order with its line number, the size limit
// applied to exactly the lines over it, and the same report again with
// another number of workers.
func FuzzJSONLines(f *testing.F) {
	const limit = 512
	paths, _ := filepath.Glob(filepath.Join(moduleRoot, examplesDir, "*"))
	var compact [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		f.Add(data)
		var b bytes.Buffer
		if json.Compact(&b, data) == nil {
			compact = append(compact, b.Bytes())
		}
	}
	f.Add(bytes.Join(compact, []byte("\n")))
	f.Add([]byte(lines(doc(testInstance, "a"), "", doc(testInstance, "a")+"\r", "{", strings.Repeat("x", limit+1))))
	f.Add([]byte("\r\n\r\n \t\n"))
	f.Add([]byte(strings.Repeat(" ", 3*limit) + "\n{}"))

	f.Fuzz(func(t *testing.T, input []byte) {
		report := func(jobs string) (string, int) {
			var stdout, stderr bytes.Buffer
			code := run([]string{"validate", "--format", "json", "--input", "jsonl", "--max-document-size", "512", "--jobs", jobs, "-"},
				bytes.NewReader(input), &stdout, &stderr)
			if stderr.Len() > 0 {
				t.Fatalf("stderr: %s", stderr.String())
			}
			if code != exitOK && code != exitInvalid {
				t.Fatalf("exit status %d", code)
			}
			return stdout.String(), code
		}
		out, code := report("3")
		recs := parseReport(t, out)

		// The non-blank lines, found here without the line reader.
		var want []int
		var tooLong []bool
		for i, line := range strings.Split(string(input), "\n") {
			if strings.Trim(line, " \t\r") == "" {
				continue
			}
			want = append(want, i+1)
			if strings.HasSuffix(line, "\r") && i < strings.Count(string(input), "\n") {
				line = line[:len(line)-1]
			}
			tooLong = append(tooLong, len(line) > limit)
		}
		if len(recs) != len(want) {
			t.Fatalf("%d records for %d non-blank lines", len(recs), len(want))
		}
		anyError := false
		for i, r := range recs {
			if r.Source != "-" || r.Line != want[i] {
				t.Fatalf("record %d: %s, want -:%d", i, r.where(), want[i])
			}
			isTooLong := len(r.Violations) == 1 && r.Violations[0].Rule == "document.size"
			if isTooLong != tooLong[i] {
				t.Errorf("line %d: too long %v, want %v (%v)", r.Line, isTooLong, tooLong[i], r.triples())
			}
			anyError = anyError || !r.Valid
		}
		if (code == exitInvalid) != anyError {
			t.Errorf("exit status %d with errors %v", code, anyError)
		}
		if again, _ := report("1"); again != out {
			t.Errorf("another report with one worker:\n%s\n%s", out, again)
		}
	})
}
