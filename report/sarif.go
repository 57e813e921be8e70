package report

import (
	"bytes"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// ToolName and InformationURI name the tool in SARIF's tool.driver.
const (
	ToolName       = "connectuser"
	InformationURI = "https://github.com/connectkit/createuser"
)

// WriteSARIF writes the violations of docs as one SARIF 2.1.0 log with
// one run. tool.driver.rules holds the catalog's rules that have results
// (id, the rule's sentence as short description, its source in the full
// description, its severity as the default level, its code as a tag), in
// the catalog's order. Members that are not set are left out (no -1 and
// no empty lists), but the run's results, [] when nothing was found. Each
// violation is a result with ruleId, ruleIndex, level, the message of
// [Message], a physical location (the source as a relative URI
// and a region with the 1-based start line and column, columns counted in
// Unicode code points: run.columnKind "unicodeCodePoints") and a logical
// location naming the member by its path. A document without violations
// adds nothing but its artifact. Documents that were not checked
// ([Document].NotChecked) are tool execution notifications (level error, at
// the document) of one invocation whose execution was not successful.
func WriteSARIF(w io.Writer, docs []Document, o Options) error {
	run := sarif.NewRunWithInformationURI(ToolName, InformationURI)
	run.WithColumnKind("unicodeCodePoints")
	driver := run.Tool.Driver
	if o.ToolVersion != "" {
		driver.WithVersion(o.ToolVersion)
	}
	used := make(map[string]bool)
	for i := range docs {
		for j := range docs[i].Violations {
			if rule := docs[i].Violations[j].Rule; !o.Ignore.Matches(rule) {
				used[rule] = true
			}
		}
	}
	index := make(map[string]int)
	for _, r := range user.Rules() {
		if !used[r.ID] {
			continue
		}
		full := r.Description + " Source: " + r.Source + "."
		index[r.ID] = len(driver.Rules)
		run.AddRule(r.ID).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Description)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(full)).
			WithHelp(sarif.NewMultiformatMessageString().WithText(full)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level(r.Severity))).
			WithProperties(sarif.NewPropertyBag().AddTag(string(r.Code)))
	}
	artifacts := make(map[string]bool)
	var invocation *sarif.Invocation
	for i := range docs {
		d := &docs[i]
		uri := o.uri(d.Source)
		if !artifacts[uri] {
			artifacts[uri] = true
			run.AddDistinctArtifact(uri)
		}
		if d.NotChecked != "" {
			if invocation == nil {
				invocation = sarif.NewInvocation().WithExecutionSuccessful(false)
				run.AddInvocation(invocation)
			}
			invocation.AddToolExecutionNotification(sarif.NewNotification().
				WithLevel("error").
				WithMessage(sarif.NewTextMessage("Not checked against " + d.NotChecked + ".")).
				AddLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
					WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri)).
					WithRegion(sarif.NewRegion().WithStartLine(max(d.Line, 1))))))
		}
		for j := range d.Violations {
			v := &d.Violations[j]
			if o.Ignore.Matches(v.Rule) {
				continue
			}
			line, col := position(d, v)
			result := sarif.NewRuleResult(v.Rule).
				WithLevel(level(v.Severity)).
				WithMessage(sarif.NewTextMessage(Message(v)))
			if k, ok := index[v.Rule]; ok {
				result.WithRuleIndex(k)
			}
			loc := sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
				WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri)).
				WithRegion(sarif.NewRegion().WithStartLine(line).WithStartColumn(col)))
			if !v.Field.IsRoot() {
				loc.WithLogicalLocations([]*sarif.LogicalLocation{
					sarif.NewLogicalLocation().WithFullyQualifiedName(v.Field.String()).WithKind("property"),
				})
			}
			result.AddLocation(loc)
			run.AddResult(result)
		}
	}
	log := sarif.NewReport()
	log.AddRun(run)
	var raw bytes.Buffer
	if err := log.Write(&raw); err != nil {
		return err
	}
	out, err := compactSARIF(raw.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// level is SARIF's level of a severity.
func level(s cuerrors.Severity) string {
	if s == cuerrors.SeverityError {
		return "error"
	}
	return "warning"
}

// uri returns source as a relative URI reference: slashes, percent-escaped
// where a URI needs it, relative to o.BaseDir when it is absolute.
func (o Options) uri(source string) string {
	if filepath.IsAbs(source) && o.BaseDir != "" {
		if rel, err := filepath.Rel(o.BaseDir, source); err == nil {
			source = rel
		}
	}
	u := url.URL{Path: filepath.ToSlash(source)}
	p := u.EscapedPath()
	if first, _, _ := strings.Cut(p, "/"); strings.Contains(first, ":") {
		p = "./" + p // "a:b.json" would read as a URI with the scheme "a"
	}
	return p
}
