package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// The text report lists a document's violations by line, then column,
// then in the order the list has them.
func TestTextReportByLine(t *testing.T) {
	v := func(rule string, line, col int) cuerrors.Violation {
		return cuerrors.Violation{Field: cuerrors.NewPath("Username"), Code: cuerrors.CodePattern,
			Severity: cuerrors.SeverityError, Rule: rule, Message: rule, Line: line, Column: col}
	}
	j := &job{origin: user.Origin{Source: "u.json"}, list: cuerrors.List{
		v("e", 7, 2), v("a", 2, 9), v("c", 2, 9), v("b", 3, 1), v("z", 2, 3), v("d", 7, 2),
	}}
	out := string(appendTextReport(nil, j, plain))
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		f := strings.Fields(l)
		got = append(got, f[0]+" "+f[len(f)-1])
	}
	want := []string{"u.json:2:3 z", "u.json:2:9 a", "u.json:2:9 c", "u.json:3:1 b", "u.json:7:2 e", "u.json:7:2 d"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if j.list[0].Rule != "e" {
		t.Error("the text report reordered the list itself")
	}
}

// Every example document's text report is in the order of the positions.
func TestTextReportOfExamplesByLine(t *testing.T) {
	exampleFiles(t)
	res := runBinary(t, moduleRoot, nil, "validate", "--format", "text", examplesDir)
	pos := regexp.MustCompile(`^  \S+:([0-9]+):([0-9]+) `)
	lastLine, lastCol, n := 0, 0, 0
	for _, l := range strings.Split(res.stdout, "\n") {
		m := pos.FindStringSubmatch(l)
		if m == nil {
			lastLine, lastCol = 0, 0 // a document's name, or the summary
			continue
		}
		n++
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		if line < lastLine || line == lastLine && col < lastCol {
			t.Errorf("%d:%d after %d:%d: %s", line, col, lastLine, lastCol, l)
		}
		lastLine, lastCol = line, col
	}
	if n < 20 {
		t.Errorf("only %d violations in the text report of the examples:\n%s", n, res.stdout)
	}
}
