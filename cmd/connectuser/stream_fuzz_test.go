package main

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzStdinStream: standard input read with --input auto (one document,
// JSON Lines, an array, a stream of documents) never panics or hangs,
// exits 0, 1 or 2, reports each document once in input order with its
// line (never past the input's last line), and reports the same with one
// worker as with three.
func FuzzStdinStream(f *testing.F) {
	a, b := doc(testInstance, "a"), doc(testInstance, "b")
	for _, s := range []string{
		"[" + a + "," + b + "]", a + b, a + "\n" + b, "{\n" + a[1:] + "\n" + b, "[", "[]", "]", "}{", `{"a":"\"}"}{}`,
		"[1,2", "[" + a + " " + b + "]", "\"x\" 1 true", "  \n\n{", "[" + strings.Repeat("[", 50),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		report := func(jobs string) (string, int) {
			var stdout, stderr bytes.Buffer
			code := run([]string{"validate", "--format", "json", "--max-document-size", "256", "--jobs", jobs, "-"},
				bytes.NewReader(input), &stdout, &stderr)
			if code != exitOK && code != exitInvalid && code != exitUsage {
				t.Fatalf("exit status %d", code)
			}
			return stdout.String(), code
		}
		out, code := report("3")
		if again, code2 := report("1"); again != out || code2 != code {
			t.Fatalf("one worker reports otherwise:\n%s\n%s", out, again)
		}
		if out == "" {
			return
		}
		last := 0
		for _, r := range parseReport(t, out) {
			if r.Source != "-" || r.Line < last || r.Line > bytes.Count(input, []byte("\n"))+1 {
				t.Fatalf("record at %s after line %d", r.where(), last)
			}
			last = r.Line
		}
	})
}
