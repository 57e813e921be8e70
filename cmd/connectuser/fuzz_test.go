package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// FuzzJSONLines feeds arbitrary bytes to `validate --input jsonl -`, in
// process, and checks the line reader and the pipeline behind it: no
// panic, exit status 0 or 1 with nothing on standard error, one record per
// non-blank line in input order with its line number, the size limit
// applied to exactly the lines over it, every violation within the
// catalog (a known code, a severity, a rule of user.Rules()) at a path of
// the request's shape, each record the violations the library gives for
// its line (user.ValidateDocument, then user.Batch across the lines), the
// same report again with another number of workers, and a text report,
// plain and in colour, that holds no control character but its line ends
// (and, in colour, its own escape sequences).
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
	// Hostile lines: deep, long lists, invalid UTF-8, NUL, the same user
	// twice.
	f.Add([]byte(lines(`{"x":`+strings.Repeat("[", 100)+`}`, `{"SecurityProfileIds":[`+strings.Repeat(`"a",`, 120)+`"a"]}`,
		"{\"Username\":\"\xff\",\"Tags\":{\"\xfe\":1}}", `{"Username":"a\u0000b"}`, "{\"Username\":\"a\x00\"}",
		doc(testInstance, "a"), doc("arn:aws:connect:us-east-1:1:instance/"+testInstance, "a"))))

	f.Fuzz(func(t *testing.T, input []byte) {
		report := func(jobs string) (string, int) {
			var stdout, stderr bytes.Buffer
			code := run([]string{"validate", "--format", "json", "--input", "jsonl", "--max-document-size", "512", "--jobs", jobs, "-"},
				bytes.NewReader(input), &stdout, &stderr)
			if blank := strings.Trim(string(input), " \t\r\n") == ""; blank {
				// No document at all: a usage problem (exit 2), said on
				// standard error, and an empty report.
				if code != exitUsage || stdout.Len() > 0 || !strings.Contains(stderr.String(), "no request document") {
					t.Fatalf("no document: exit status %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
				}
				return "", exitOK
			}
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

		// Each record is what the library says of its line.
		var batch user.Batch
		v := user.NewValidator(user.WithMaxDocumentSize(limit))
		li := 0
		for i, line := range strings.Split(string(input), "\n") {
			if strings.Trim(line, " \t\r") == "" {
				continue
			}
			r := recs[li]
			li++
			checkRecordShape(t, r)
			if tooLong[li-1] {
				continue
			}
			if i < strings.Count(string(input), "\n") {
				line = strings.TrimSuffix(line, "\r") // a "\r\n" line end
			}
			origin := user.Origin{Source: "-", Line: i + 1}
			in, list := v.ValidateDocument([]byte(line))
			if dup, ok := batch.Add(in, origin); ok {
				list = append(list, dup)
			}
			var want []string
			for _, x := range list {
				want = append(want, asJSON(x.Field.String())+" "+string(x.Code)+" "+x.Severity.String()+" "+x.Rule)
			}
			var got []string
			for _, x := range r.Violations {
				got = append(got, x.Field+" "+x.Code+" "+x.Severity+" "+x.Rule)
			}
			if !slices.Equal(want, got) {
				t.Errorf("line %d: the report says %q, the library %q", r.Line, got, want)
			}
			// The text report of the line's violations, plain and in
			// colour, cannot drive a terminal.
			j := &job{origin: origin, list: list}
			for _, st := range []style{plain, colour} {
				text := string(appendTextReport(nil, j, st))
				for _, seq := range []string{colour.bold, colour.red, colour.yellow, colour.green, colour.reset} {
					text = strings.ReplaceAll(text, seq, "")
				}
				if i := strings.IndexFunc(text, func(r rune) bool { return r != '\n' && unicode.IsControl(r) }); i >= 0 {
					t.Errorf("line %d: the text report holds the control character %q", r.Line, text[i:i+1])
				}
			}
		}
	})
}

// asJSON returns s as a JSON string reads back: invalid UTF-8 becomes
// U+FFFD.
func asJSON(s string) string {
	b, _ := json.Marshal(s)
	var out string
	_ = json.Unmarshal(b, &out)
	return out
}

// checkRecordShape fails t for a violation of r with a code, severity or
// rule outside the catalog, or a field that is not a path of the request
// (an unknown member's field may be any name, since any name can be
// unknown).
func checkRecordShape(t *testing.T, r record) {
	t.Helper()
	for _, v := range r.Violations {
		// A JSON Lines document is one line: each violation is on it.
		if r.Line > 0 && (v.Line != r.Line || v.Column < 1) {
			t.Errorf("%s: %s at %d:%d, not on the document's line", r.where(), v.Rule, v.Line, v.Column)
		}
		if !cuerrors.Code(v.Code).Known() {
			t.Errorf("%s: unknown code %q", r.where(), v.Code)
		}
		if v.Severity != "error" && v.Severity != "warning" {
			t.Errorf("%s: severity %q", r.where(), v.Severity)
		}
		if !ruleIDs[v.Rule] {
			t.Errorf("%s: rule %q is not in user.Rules()", r.where(), v.Rule)
		}
		if v.Code == "unknown" || v.Rule == "document.depth" {
			continue // the name of an unknown member
		}
		if !shapeField.MatchString(v.Field) {
			t.Errorf("%s: field %q is not a path of the request", r.where(), v.Field)
		}
		if v.Rule == "batch.username.duplicate" {
			continue // related names another document
		}
		for _, rel := range v.Related {
			if !shapeField.MatchString(rel) {
				t.Errorf("%s: related %q is not a path of the request", r.where(), rel)
			}
		}
	}
}

// ruleIDs is the id of every rule of the catalog.
var ruleIDs = func() map[string]bool {
	m := make(map[string]bool)
	for _, r := range user.Rules() {
		m[r.ID] = true
	}
	return m
}()

// shapeField matches the wire paths of a request, as strings: "" (the
// document), every member of the shape and its ancestors, with any index
// for [i] and any tag key for [k].
var shapeField = func() *regexp.Regexp {
	templates := []string{
		"InstanceId", "Username", "Password", "DirectoryUserId", "RoutingProfileId", "HierarchyGroupId",
		"IdentityInfo.FirstName", "IdentityInfo.LastName", "IdentityInfo.Email", "IdentityInfo.SecondaryEmail", "IdentityInfo.Mobile",
		"PhoneConfig.PhoneType", "PhoneConfig.AutoAccept", "PhoneConfig.AfterContactWorkTimeLimit", "PhoneConfig.DeskPhoneNumber", "PhoneConfig.PersistentConnection",
		"SecurityProfileIds[i]",
		"AutoAcceptConfigs[i].Channel", "AutoAcceptConfigs[i].AutoAccept", "AutoAcceptConfigs[i].AgentFirstCallbackAutoAccept",
		"AfterContactWorkConfigs[i].Channel",
		"AfterContactWorkConfigs[i].AfterContactWorkConfig.AfterContactWorkTimeLimit",
		"AfterContactWorkConfigs[i].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit",
		"PhoneNumberConfigs[i].Channel", "PhoneNumberConfigs[i].PhoneType", "PhoneNumberConfigs[i].PhoneNumber",
		"PersistentConnectionConfigs[i].Channel", "PersistentConnectionConfigs[i].PersistentConnection",
		"VoiceEnhancementConfigs[i].Channel", "VoiceEnhancementConfigs[i].VoiceEnhancementMode",
		"Tags[k]",
	}
	seen := map[string]bool{"": true}
	alts := []string{""}
	for _, tmpl := range templates {
		// The template and each of its ancestors.
		for end := 1; end <= len(tmpl); end++ {
			if end < len(tmpl) && tmpl[end] != '.' && tmpl[end] != '[' {
				continue
			}
			prefix := tmpl[:end]
			if seen[prefix] {
				continue
			}
			seen[prefix] = true
			re := regexp.QuoteMeta(prefix)
			re = strings.ReplaceAll(re, `\[i\]`, `\[(?:0|[1-9][0-9]*)\]`)
			re = strings.ReplaceAll(re, `\[k\]`, `\[(?s:.*)\]`)
			alts = append(alts, re)
		}
	}
	return regexp.MustCompile(`^(?:` + strings.Join(alts, "|") + `)$`)
}()

func TestShapeField(t *testing.T) {
	for _, f := range []string{"", "Username", "IdentityInfo", "IdentityInfo.Email", "SecurityProfileIds", "SecurityProfileIds[10]",
		"AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit", "Tags", "Tags[a.b]", "Tags[]"} {
		if !shapeField.MatchString(f) {
			t.Errorf("%q does not match", f)
		}
	}
	for _, f := range []string{"username", "IdentityInfo.Phone", "SecurityProfileIds[01]", "SecurityProfileIds[-1]", "SecurityProfileIds.x",
		"AutoAcceptConfigs[0]Channel", "AutoAcceptConfigs[0].Chanel", "Tags.x", "Username[0]", "PhoneConfig.AutoAccept.x"} {
		if shapeField.MatchString(f) {
			t.Errorf("%q matches", f)
		}
	}
}
