package createuser_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fuzzTarget is a fuzz target and the package directory that holds it,
// as `go test` names it ("./user/").
type fuzzTarget struct{ Name, Pkg string }

// repoFuzzTargets returns every fuzz target of the module: each func
// FuzzXxx(*testing.F) of a _test.go file, read with go/parser.
func repoFuzzTargets(t *testing.T) []fuzzTarget {
	t.Helper()
	var out []fuzzTarget
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Fuzz") || len(fn.Type.Params.List) != 1 {
				continue
			}
			star, ok := fn.Type.Params.List[0].Type.(*ast.StarExpr)
			if sel, ok2 := star.X.(*ast.SelectorExpr); !ok || !ok2 || sel.Sel.Name != "F" {
				continue
			}
			out = append(out, fuzzTarget{fn.Name.Name, "./" + filepath.ToSlash(filepath.Dir(path)) + "/"})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var numberWords = map[string]int{"One": 1, "Two": 2, "Three": 3, "Four": 4, "Five": 5, "Six": 6,
	"Seven": 7, "Eight": 8, "Nine": 9, "Ten": 10, "Eleven": 11, "Twelve": 12}

// TestREADMEFuzzTargets holds the README's list of fuzz targets (between
// <!-- fuzz-targets --> and <!-- /fuzz-targets -->, and the number in
// words before it) equal to the fuzz targets of the repository and to
// those .ci/run runs.
func TestREADMEFuzzTargets(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok := strings.Cut(string(readme), "<!-- fuzz-targets -->\n")
	list, _, ok2 := strings.Cut(rest, "<!-- /fuzz-targets -->")
	if !ok || !ok2 {
		t.Fatal("README.md has no <!-- fuzz-targets --> list")
	}
	var inREADME []fuzzTarget
	item := regexp.MustCompile("^- `(Fuzz\\w+)` \\(`(\\./[^`]+/)`\\)")
	for _, line := range strings.Split(list, "\n") {
		if strings.HasPrefix(line, "- ") {
			m := item.FindStringSubmatch(line)
			if m == nil {
				t.Errorf("README.md: a fuzz target item that is not \"- `FuzzName` (`./pkg/`): ...\": %q", line)
				continue
			}
			inREADME = append(inREADME, fuzzTarget{m[1], m[2]})
		}
	}
	count := regexp.MustCompile(`(?m)^([A-Z][a-z]+) fuzz targets`).FindAllStringSubmatch(before, -1)
	if len(count) == 0 || numberWords[count[len(count)-1][1]] != len(inREADME) {
		t.Errorf("README.md: the sentence before the list must say how many fuzz targets it lists (%d, in words): %q", len(inREADME), count)
	}

	ci, err := os.ReadFile(".ci/run")
	if err != nil {
		t.Fatal(err)
	}
	var inCI []fuzzTarget
	for _, m := range regexp.MustCompile(`"(Fuzz\w+) (\./[^"]+/)"`).FindAllStringSubmatch(string(ci), -1) {
		inCI = append(inCI, fuzzTarget{m[1], m[2]})
	}

	inRepo := repoFuzzTargets(t)
	sortTargets := func(l []fuzzTarget) []fuzzTarget {
		l = slices.Clone(l)
		slices.SortFunc(l, func(a, b fuzzTarget) int { return strings.Compare(a.Pkg+a.Name, b.Pkg+b.Name) })
		return l
	}
	if len(inRepo) < 9 {
		t.Fatalf("found %d fuzz targets in the repository: the walk missed some", len(inRepo))
	}
	if d := cmp.Diff(sortTargets(inRepo), sortTargets(inREADME)); d != "" {
		t.Errorf("README.md's fuzz targets differ from the repository's (-repository +README):\n%s", d)
	}
	if d := cmp.Diff(sortTargets(inRepo), sortTargets(inCI)); d != "" {
		t.Errorf(".ci/run's fuzz targets differ from the repository's (-repository +.ci/run):\n%s", d)
	}
}
