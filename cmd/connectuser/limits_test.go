package main

import (
	"bytes"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/user"
)

// The limits for hostile documents, through the command line (the library
// side is user/limits_test.go): each line is a record with a violation
// (code and path), the run goes on, and memory stays bounded.

// runJSON runs validate --format json over stdin in process and returns
// the records and the exit status.
func runJSON(t *testing.T, stdin string, args ...string) ([]record, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append(append([]string{"validate", "--format", "json"}, args...), "-"), strings.NewReader(stdin), &stdout, &stderr)
	if stderr.Len() > 0 {
		t.Fatalf("stderr: %s", stderr.String())
	}
	return parseReport(t, stdout.String()), code
}

func TestHostileLines(t *testing.T) {
	long := strings.Repeat("u", 3<<20)
	input := lines(
		doc(testInstance, "agent1"),
		doc(testInstance, "agent2", "x", "["+strings.Repeat("[", 200)+"1"+strings.Repeat("]", 200)+"]"),
		doc(testInstance, "agent3", "SecurityProfileIds", `[`+strings.Repeat(`"p",`, 5000)+`"p"]`),
		strings.Replace(doc(testInstance, "agent4"), `"agent4"`, "\"agent\xff4\"", 1),
		doc(testInstance, "agent5", "IdentityInfo", `{"FirstName":"Ma\u0000ry","LastName":"Major","Email":"mary@example.com"}`),
		strings.Replace(doc(testInstance, "agent6"), `"agent6"`, "\"agent\x006\"", 1),
		doc(testInstance, "agent7", "Tags", `{"k":"`+long+`"}`),
		doc(testInstance, "agent8", "Tags", `{"k":"`+strings.Repeat("v", 5<<20)+`"}`),
		doc(testInstance, "agent9"),
	)
	recs, code := runJSON(t, input, "--max-document-size", "4MiB", "--jobs", "3")
	if code != exitInvalid {
		t.Errorf("exit status %d, want 1", code)
	}
	want := []string{
		"-:1 []",
		`-:2 ["x syntax error" "x unknown error"]`, // document.depth and the unknown name, sorted
		`-:3 ["SecurityProfileIds count error" "SecurityProfileIds count error"` + strings.Repeat(` "SecurityProfileIds[i] duplicate error"`, user.MaxCheckedElements-1) + `]`,
		`-:4 ["Username syntax error"]`,
		"-:5 []",
		`-:6 ["\"\" syntax error"]`,
		`-:7 ["Tags[k] length error"]`,
		`-:8 ["\"\" length error"]`,
		"-:9 []",
	}
	var got []string
	for _, r := range recs {
		var ts []string
		for _, tr := range r.triples() {
			ts = append(ts, strconv.Quote(indexesOut(tr))) // triples() are sorted
		}
		got = append(got, r.where()+" ["+strings.Join(ts, " ")+"]")
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("records (-want +got):\n%s", d)
	}
	for _, r := range recs {
		for _, v := range r.Violations {
			if s, ok := v.Value.(string); ok && len(s) > 2<<10 {
				t.Errorf("%s: %s %s echoes %d bytes", r.where(), v.Field, v.Code, len(s))
			}
			if v.Rule == "document.size" && !strings.Contains(v.Message, strconv.Itoa(4<<20)) {
				t.Errorf("%s: the message does not name the limit: %s", r.where(), v.Message)
			}
		}
	}
}

// indexesOut replaces the indexes of a "field code severity" triple by
// [i], for comparing long lists.
func indexesOut(triple string) string {
	var b strings.Builder
	for i := 0; i < len(triple); i++ {
		if triple[i] == '[' {
			j := i + 1
			for j < len(triple) && triple[j] >= '0' && triple[j] <= '9' {
				j++
			}
			if j > i+1 && j < len(triple) && triple[j] == ']' {
				b.WriteString("[i]")
				i = j
				continue
			}
		}
		b.WriteByte(triple[i])
	}
	return b.String()
}

// TestMaxDocumentSizeReachesTheLibrary: a limit above the library's
// default (1 MiB) lets larger documents through, as a file and as a line;
// one below it stops them.
func TestMaxDocumentSizeReachesTheLibrary(t *testing.T) {
	big := doc(testInstance, "agent1", "Tags", `{"k":"`+strings.Repeat("v", 300)+`","pad":"p"}`)
	big = strings.Replace(big, "{", "{"+strings.Repeat(" ", 2<<20), 1) // 2 MiB of white space
	for _, tc := range []struct {
		size, input string
		tooLarge    bool
	}{
		{"4MiB", "json", false},
		{"4MiB", "jsonl", false},
		{"1MiB", "json", true},
		{"1MiB", "jsonl", true},
	} {
		recs, _ := runJSON(t, big+"\n", "--max-document-size", tc.size, "--input", tc.input)
		if len(recs) != 1 {
			t.Fatalf("%v: %d records", tc, len(recs))
		}
		tooLarge := recs[0].has("", "length", "error")
		if tooLarge != tc.tooLarge || !tooLarge && !recs[0].has("Tags[k]", "length", "error") {
			t.Errorf("%v: %v", tc, recs[0].triples())
		}
	}
}

// TestHostileRunMemory streams many hostile lines through the command
// line and logs the bytes allocated per input byte and the heap in use at
// the end; it fails only far above what is measured (memory must not
// grow with the input beyond the usernames seen).
func TestHostileRunMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	var in strings.Builder
	lineSize := 256 << 10
	for i := range 64 {
		switch i % 4 {
		case 0:
			in.WriteString(`{"AutoAcceptConfigs":` + "[" + strings.Repeat("{},", lineSize/3) + "{}]}")
		case 1:
			in.WriteString(`{"x":` + strings.Repeat("[", lineSize) + "}")
		case 2:
			in.WriteString(`{"Tags":{` + strings.Repeat(`"k":1,`, lineSize/6) + `"k":1}}`)
		case 3:
			in.WriteString(`{"Username":"` + strings.Repeat("u", lineSize) + `"}`)
		}
		in.WriteByte('\n')
	}
	input := in.String()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var stdout, stderr bytes.Buffer
	code := run([]string{"validate", "--format", "json", "--jobs", "2", "-"}, strings.NewReader(input), &stdout, &stderr)
	runtime.ReadMemStats(&after)
	if code != exitInvalid || stderr.Len() > 0 {
		t.Fatalf("exit status %d, stderr %s", code, stderr.String())
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d bytes of input in %d lines: allocated %d bytes (%.2f per input byte), report %d bytes, heap in use after %d bytes",
		len(input), 64, alloc, float64(alloc)/float64(len(input)), stdout.Len(), after.HeapInuse)
	if alloc > 8*uint64(len(input)) {
		t.Errorf("allocated %d bytes for %d bytes of input", alloc, len(input))
	}
}
