package onboard

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// The columns of the admin website's bulk-upload template, as its header
// row names them (compared trimmed and without letter case).
const (
	ColFirstName        = "first name"
	ColLastName         = "last name"
	ColEmail            = "email address"
	ColSecondaryEmail   = "secondary email address"
	ColMobile           = "mobile"
	ColPassword         = "password"
	ColUserLogin        = "user login"
	ColAgentHierarchy   = "agent hierarchy"
	ColRoutingProfile   = "routing profile name"
	ColSecurityProfiles = "security_profile_name_1|security_profile_name_2"
	ColUserHierarchy    = "user_hierarchy_1|user_hierarchy_2"
	ColPhoneType        = "phone type (soft/desk)"
	ColPhoneNumber      = "phone number"
	ColAutoAccept       = "soft phone auto accept (yes/no)"
	ColACWTimeout       = "acw timeout (seconds)"
	ColTags             = "tags"
)

// templateColumns are the 16 columns of the template, in its order; the
// older template lacks the three marked optional.
var templateColumns = []struct {
	name     string
	optional bool
}{
	{ColFirstName, false}, {ColLastName, false}, {ColEmail, false}, {ColSecondaryEmail, false},
	{ColMobile, false}, {ColPassword, false}, {ColUserLogin, false}, {ColAgentHierarchy, true},
	{ColRoutingProfile, false}, {ColSecurityProfiles, false}, {ColUserHierarchy, true},
	{ColPhoneType, false}, {ColPhoneNumber, false}, {ColAutoAccept, false}, {ColACWTimeout, false},
	{ColTags, true},
}

// Rules of the import's own checks (the catalog's rules keep their ids).
const (
	RuleCSVSyntax         = "import.csv.syntax"
	RuleCSVHeader         = "import.csv.header"
	RuleCSVFields         = "import.csv.fields"
	RuleNameSecurity      = "names.security-profile.reference"
	RuleNameRouting       = "names.routing-profile.reference"
	RuleNameHierarchy     = "names.hierarchy-group.reference"
	RuleHierarchyConflict = "import.hierarchy-group.conflict"
	RulePhoneTypeEnum     = "import.phone-type.enum"
	RuleAutoAcceptEnum    = "import.auto-accept.enum"
	RuleACWTimeoutType    = "import.acw-timeout.type"
	RuleTagsSyntax        = "import.tags.syntax"
	RuleTagsDuplicate     = "import.tags.duplicate"
)

// Problem is one problem of an imported CSV: where (source, line, the
// column's header as the file spells it), and the violation.
type Problem struct {
	Source string
	Line   int
	// Column is the column's header, "" for the row or the file.
	Column    string
	Violation cuerrors.Violation
}

// String renders the problem as "users.csv:12: COLUMN: severity code
// rule: message".
func (p Problem) String() string {
	col := p.Column
	if col == "" {
		col = "(row)"
	}
	return fmt.Sprintf("%s:%d: %q: %s %s %s: %s", p.Source, p.Line, col, p.Violation.Severity, p.Violation.Code, p.Violation.Rule, p.Violation.Message)
}

// Row is one data row of an imported CSV.
type Row struct {
	Origin user.Origin
	// Input is the request the row makes; nil when a problem of error
	// severity was found (the row yields no document).
	Input *user.CreateUserInput
	// Problems are the row's problems, warnings included.
	Problems []Problem
}

// CSVError is a problem that stops reading the file: no header, a wrong
// header, broken CSV syntax.
type CSVError struct{ Problem }

// Error renders the problem.
func (e *CSVError) Error() string { return e.Problem.String() }

// Importer reads the admin website's bulk-upload CSV template into
// request documents.
type Importer struct {
	names      Names
	instanceID string
	validator  *user.Validator
	// skipCatalog leaves the catalog to Applier.Plan (Desired).
	skipCatalog bool
}

// NewImporter returns an Importer that resolves names with names, sets
// InstanceId to instanceID (when not empty) and checks each request
// against the catalog under t.
func NewImporter(names Names, instanceID string, t identity.Type) *Importer {
	return &Importer{names: names, instanceID: instanceID, validator: user.NewValidator(user.WithIdentityManagement(t))}
}

// header maps each template column to its index in the file and the
// header as the file spells it.
type header struct {
	index map[string]int
	text  []string
}

// Import reads r (named source in problems) and calls emit for each data
// row, in order. It returns a *CSVError for a file that cannot be read as
// the template (empty, a wrong header, a syntax error: the rows before
// it were emitted), and a look-up failure of names as it is.
func (im *Importer) Import(ctx context.Context, r io.Reader, source string, emit func(Row)) error {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		br.Discard(3) // the byte order mark that spreadsheet programs write
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	rec, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return fileProblem(source, 1, "", RuleCSVHeader, cuerrors.CodeRequired, "The file is empty; it needs the template's header row.")
	}
	if err != nil {
		return syntaxProblem(source, err)
	}
	h, err := readHeader(source, cr, rec)
	if err != nil {
		return err
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return syntaxProblem(source, err)
		}
		line, _ := cr.FieldPos(0)
		row := Row{Origin: user.Origin{Source: source, Line: line}}
		if len(rec) != len(h.text) {
			row.Problems = append(row.Problems, Problem{Source: source, Line: line, Violation: cuerrors.Violation{
				Code: cuerrors.CodeCount, Severity: cuerrors.SeverityError, Rule: RuleCSVFields,
				Message: fmt.Sprintf("The row has %d fields; the header has %d.", len(rec), len(h.text)),
			}})
			emit(row)
			continue
		}
		if err := im.row(ctx, h, rec, &row); err != nil {
			return err
		}
		emit(row)
	}
}

// readHeader checks the header row against the template.
func readHeader(source string, cr *csv.Reader, rec []string) (*header, error) {
	h := &header{index: map[string]int{}, text: rec}
	known := map[string]bool{}
	var names []string
	for _, c := range templateColumns {
		known[c.name] = true
		names = append(names, c.name)
	}
	for i, cell := range rec {
		name := strings.ToLower(strings.TrimSpace(cell))
		_, col := cr.FieldPos(i)
		if !known[name] {
			msg := fmt.Sprintf("Column %d, %s, is not a column of the template", i+1, quote(cell))
			if n, ok := nearest(name, names); ok {
				msg += "; did you mean " + quote(n) + "?"
			} else {
				msg += "."
			}
			return nil, fileProblemAt(source, 1, col, cell, RuleCSVHeader, cuerrors.CodeUnknown, msg)
		}
		if _, dup := h.index[name]; dup {
			return nil, fileProblemAt(source, 1, col, cell, RuleCSVHeader, cuerrors.CodeDuplicate, fmt.Sprintf("Column %s appears twice.", quote(cell)))
		}
		h.index[name] = i
	}
	for _, c := range templateColumns {
		if _, ok := h.index[c.name]; !ok && !c.optional {
			return nil, fileProblem(source, 1, "", RuleCSVHeader, cuerrors.CodeRequired, fmt.Sprintf("The header has no column %s; the template has it.", quote(c.name)))
		}
	}
	return h, nil
}

func fileProblem(source string, line int, column, rule string, code cuerrors.Code, msg string) error {
	return fileProblemAt(source, line, 0, column, rule, code, msg)
}

func fileProblemAt(source string, line, _ int, column, rule string, code cuerrors.Code, msg string) error {
	return &CSVError{Problem{Source: source, Line: line, Column: column, Violation: cuerrors.Violation{
		Code: code, Severity: cuerrors.SeverityError, Rule: rule, Message: msg}}}
}

// syntaxProblem turns a csv.ParseError into a CSVError at its line.
func syntaxProblem(source string, err error) error {
	var pe *csv.ParseError
	line := 0
	msg := err.Error()
	if errors.As(err, &pe) {
		line = pe.Line
		msg = fmt.Sprintf("Not valid CSV at column %d: %v (a field with a comma, a quote or a line break must be in double quotes, and a quote inside it doubled).", pe.Column, pe.Err)
	}
	return fileProblem(source, line, "", RuleCSVSyntax, cuerrors.CodeSyntax, msg)
}

// Desired reads r (named source) as the users a file asks for, for
// Applier.Plan: one Request a row, its Input holding the members of the
// cells that are not empty (an empty cell is a member the file does not
// manage). Names are resolved as Import resolves them; the catalog is
// left to Plan, which knows which users exist. A row with a problem of
// error severity (a name the instance lacks, a bad phone type) yields no
// request; every problem is returned. The error is Import's.
func (im *Importer) Desired(ctx context.Context, r io.Reader, source string) ([]Request, []Problem, error) {
	d := *im
	d.skipCatalog = true
	var reqs []Request
	var problems []Problem
	err := d.Import(ctx, r, source, func(row Row) {
		problems = append(problems, row.Problems...)
		if row.Input != nil {
			reqs = append(reqs, Request{Origin: row.Origin, Input: row.Input})
		}
	})
	return reqs, problems, err
}
