package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// got is what lineReader hands out for one line.
type got struct {
	Line    int
	Data    string
	TooLong bool
}

// readAll reads every line of input with lineReader over a buffer of
// bufSize bytes, limit max.
func readAll(t testing.TB, input string, bufSize, max int) ([]got, error) {
	t.Helper()
	lr := newLineReader(bufio.NewReaderSize(strings.NewReader(input), bufSize), max)
	var out []got
	var buf []byte
	for {
		data, line, tooLong, err := lr.next(buf)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		buf = data
		out = append(out, got{line, string(data), tooLong})
	}
}

func TestLineReader(t *testing.T) {
	long := strings.Repeat("x", 100)
	for _, tc := range []struct {
		name  string
		input string
		max   int
		want  []got
	}{
		{"empty", "", 10, nil},
		{"blank lines counted", "\n \t\n{}\n\r\n[]", 10, []got{{3, "{}", false}, {5, "[]", false}}},
		{"CRLF", "{}\r\n{\"a\":1}\r\n", 10, []got{{1, "{}", false}, {2, `{"a":1}`, false}}},
		{"no final line end", "{}\n{}", 10, []got{{1, "{}", false}, {2, "{}", false}}},
		{"exactly the limit", "0123456789\n", 10, []got{{1, "0123456789", false}}},
		{"exactly the limit with CRLF", "0123456789\r\n", 10, []got{{1, "0123456789", false}}},
		{"one over the limit", "0123456789a\n{}\n", 10, []got{{1, "", true}, {2, "{}", false}}},
		{"far over the limit", "{}\n" + long + "\n" + long + "\n{}", 10, []got{{1, "{}", false}, {2, "", true}, {3, "", true}, {4, "{}", false}}},
		{"long blank line skipped", strings.Repeat(" ", 100) + "\n{}\n", 10, []got{{2, "{}", false}}},
		{"last line over the limit", "{}\n" + long, 10, []got{{1, "{}", false}, {2, "", true}}},
		{"a line longer than the buffer", long + "\n", 200, []got{{1, long, false}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, size := range []int{16, 64 << 10} {
				out, err := readAll(t, tc.input, size, tc.max)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tc.want, out); diff != "" {
					t.Errorf("buffer %d (-want +got):\n%s", size, diff)
				}
			}
		})
	}
}

func TestLineReaderError(t *testing.T) {
	boom := errors.New("boom")
	lr := newLineReader(io.MultiReader(strings.NewReader("{}\n{"), iotest.ErrReader(boom)), 10)
	if data, line, _, err := lr.next(nil); err != nil || line != 1 || string(data) != "{}" {
		t.Fatalf("first line: %q %d %v", data, line, err)
	}
	if _, _, _, err := lr.next(nil); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
}

func TestReadLimited(t *testing.T) {
	for _, tc := range []struct {
		input    string
		prefix   string
		limit    int
		want     string
		tooLarge bool
	}{
		{"", "", 10, "", false},
		{"0123456789", "", 10, "0123456789", false},
		{"0123456789a", "", 10, "", true},
		{"6789", "012345", 10, "0123456789", false},
		{"6789a", "012345", 10, "", true},
		{strings.Repeat("x", 10000), "", 10000, strings.Repeat("x", 10000), false},
		{strings.Repeat("x", 10001), "", 10000, "", true},
	} {
		data, tooLarge, err := readLimited([]byte(tc.prefix), iotest.OneByteReader(strings.NewReader(tc.input)), tc.limit)
		if err != nil || string(data) != tc.want || tooLarge != tc.tooLarge {
			t.Errorf("readLimited(%.12q, %q, %d) = %.12q, %v, %v", tc.input, tc.prefix, tc.limit, data, tooLarge, err)
		}
	}
}

func TestParseInterspersed(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		positional []string
		format     string
		strict     bool
		err        bool
	}{
		{[]string{"a", "b"}, []string{"a", "b"}, "text", false, false},
		{[]string{"a", "--format", "json", "b"}, []string{"a", "b"}, "json", false, false},
		{[]string{"a", "-", "--strict"}, []string{"a", "-"}, "text", true, false},
		{[]string{"--format=json", "a", "--", "--strict", "-x"}, []string{"a", "--strict", "-x"}, "json", false, false},
		{[]string{"--", "--"}, []string{"--"}, "text", false, false},
		{[]string{"a", "--format"}, nil, "", false, true},
		{[]string{"a", "--format", "--"}, nil, "", false, true},
		{[]string{"a", "--nope"}, nil, "", false, true},
	} {
		fs := newFlagSet("test")
		format := &choice{value: "text", allowed: []string{"text", "json"}}
		fs.Var(format, "format", "")
		strict := fs.Bool("strict", false, "")
		pos, err := parseInterspersed(fs, tc.args)
		if (err != nil) != tc.err {
			t.Errorf("%q: err = %v", tc.args, err)
			continue
		}
		if err != nil {
			continue
		}
		if !cmp.Equal(tc.positional, pos) || format.value != tc.format || *strict != tc.strict {
			t.Errorf("%q: %q format=%s strict=%v", tc.args, pos, format.value, *strict)
		}
	}
	if _, err := parseInterspersed(newFlagSet("test"), []string{"-h"}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v", err)
	}
}

func TestParseByteSize(t *testing.T) {
	for in, want := range map[string]int64{
		"1": 1, "1048576": 1 << 20, "64KiB": 64 << 10, "1MiB": 1 << 20, "2M": 2 << 20, "1K": 1024, "1GiB": 1 << 30,
		"0": -1, "-5": -1, "": -1, "1.5MiB": -1, "MiB": -1, "2GiB": -1, "99999999999999999999": -1, "1 MiB": -1,
	} {
		got, err := parseByteSize(in)
		if want < 0 {
			if err == nil {
				t.Errorf("parseByteSize(%q) = %d, want an error", in, got)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("parseByteSize(%q) = %d, %v, want %d", in, got, err, want)
		}
	}
}

func TestAppendSafe(t *testing.T) {
	for in, want := range map[string]string{
		"Tags[env]":               "Tags[env]",
		"Tags[a\nb]":              `Tags[a\nb]`,
		"Tags[\x1b[31mred]":       `Tags[\x1b[31mred]`,
		"caf\u00e9 \u00e9t\u00e9": "caf\u00e9 \u00e9t\u00e9",
		"bad \xff byte":           `bad \xff byte`,
		"nel \u0085 ls \u2028":    `nel \u0085 ls \u2028`,
	} {
		if got := string(appendSafe(nil, in)); got != want {
			t.Errorf("appendSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTextReportColour renders a report with colour, as on a terminal.
func TestTextReportColour(t *testing.T) {
	v := user.DocumentTooLarge(10)
	j := &job{origin: user.Origin{Source: "a.jsonl", Line: 2}, list: cuerrors.List{v}}
	out := string(appendTextReport(nil, j, colour))
	if !strings.Contains(out, colour.red+"error  "+colour.reset) || !strings.HasPrefix(out, colour.bold+"a.jsonl:2"+colour.reset) {
		t.Errorf("no colour: %q", out)
	}
	if plainOut := string(appendTextReport(nil, j, plain)); strings.Contains(plainOut, "\x1b") {
		t.Errorf("colour without a terminal: %q", plainOut)
	}
	if useColour(&bytes.Buffer{}) {
		t.Error("a buffer is a terminal")
	}
}

// TestRunInProcess drives run itself, for the paths a binary cannot show:
// the window of the pipeline with one worker and with many.
func TestRunInProcess(t *testing.T) {
	var in strings.Builder
	for i := range 500 {
		if i%7 == 3 {
			in.WriteString("{broken\n")
			continue
		}
		in.WriteString(doc(testInstance, "agent"+strings.Repeat("x", i%5)+string(rune('a'+i%26))) + "\n")
	}
	var first string
	for _, jobs := range []string{"1", "2", "8"} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"validate", "--format", "json", "--jobs", jobs, "-"}, strings.NewReader(in.String()), &stdout, &stderr)
		if code != exitInvalid || stderr.Len() > 0 {
			t.Fatalf("--jobs %s: exit status %d, stderr %s", jobs, code, stderr.String())
		}
		recs := parseReport(t, stdout.String())
		if len(recs) != 500 {
			t.Fatalf("--jobs %s: %d records", jobs, len(recs))
		}
		for i, r := range recs {
			if r.Line != i+1 {
				t.Fatalf("--jobs %s: record %d has line %d", jobs, i, r.Line)
			}
		}
		if first == "" {
			first = stdout.String()
		} else if stdout.String() != first {
			t.Errorf("--jobs %s: another report than --jobs 1", jobs)
		}
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestRunWriteError: when the report cannot be written, the run stops
// (rather than reading the rest of its input) and says so.
func TestRunWriteError(t *testing.T) {
	input := strings.Repeat(doc(testInstance, "agent1")+"\n", 20000)
	var stderr bytes.Buffer
	code := run([]string{"validate", "--format", "json", "-"}, strings.NewReader(input), failingWriter{}, &stderr)
	if code != exitUsage || !strings.Contains(stderr.String(), "disk full") {
		t.Errorf("exit status %d, stderr %q", code, stderr.String())
	}
}
