package main

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// TestParallelReaderUnderLoad runs validate over a directory of JSON Lines
// and JSON files with documents of every kind (valid, broken, too large,
// hostile, duplicate usernames within and across files) with --jobs 1 and
// with many more workers than CPUs, in both formats: the reports are
// identical, record for record, so the worker pool keeps input order and
// the checks across the run (duplicate usernames) do not depend on the
// schedule. Run with -race it also shows that the workers share nothing
// they write.
func TestParallelReaderUnderLoad(t *testing.T) {
	n := 800
	if testing.Short() {
		n = 200
	}
	files := map[string]string{}
	for f := range 4 {
		var b strings.Builder
		for i := range n / 4 {
			switch i % 10 {
			case 0:
				b.WriteString("{broken")
			case 1:
				b.WriteString(doc(testInstance, "agent"+strconv.Itoa(i%37))) // repeats across files
			case 2:
				b.WriteString(doc(testInstance, "agent"+strconv.Itoa(f)+"-"+strconv.Itoa(i), "Tags", `{"k":"`+strings.Repeat("v", 600)+`"}`)) // too large
			case 3:
				b.WriteString(`{"SecurityProfileIds":[` + strings.Repeat(`1,`, 150) + `1]}`)
			case 4:
				b.WriteString(`{"x":` + strings.Repeat("[", 80) + `}`)
			case 5:
				b.WriteString("")
			default:
				b.WriteString(doc(testInstance, "agent"+strconv.Itoa(f)+"-"+strconv.Itoa(i), "Password", `"short"`))
			}
			b.WriteByte('\n')
		}
		files["docs/f"+strconv.Itoa(f)+".jsonl"] = b.String()
		files["docs/g"+strconv.Itoa(f)+".json"] = doc(testInstance, "agent"+strconv.Itoa(f))
	}
	dir := writeFiles(t, files)
	for _, format := range []string{"json", "text"} {
		var first string
		for _, jobs := range []string{"1", "7", "32", "64"} {
			var stdout, stderr bytes.Buffer
			code := run([]string{"validate", "--format", format, "--jobs", jobs, "--max-document-size", "512", dir + "/docs"}, nil, &stdout, &stderr)
			if code != exitInvalid || stderr.Len() > 0 {
				t.Fatalf("%s --jobs %s: exit status %d, stderr %s", format, jobs, code, stderr.String())
			}
			if format == "json" {
				if recs := parseReport(t, stdout.String()); len(recs) < n*9/10 {
					t.Fatalf("--jobs %s: %d records", jobs, len(recs))
				}
			}
			if first == "" {
				first = stdout.String()
				continue
			}
			if stdout.String() != first {
				t.Errorf("%s --jobs %s: another report than --jobs 1", format, jobs)
			}
		}
	}
}
