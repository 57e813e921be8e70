package createuser_test

import (
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

// packageDirs returns every directory of the module that holds a Go
// package (a .go file that is not a test), slash-separated from the root
// ("." for the root), with the package comment of its files joined.
func packageDirs(t *testing.T) map[string]string {
	t.Helper()
	dirs := map[string]string{}
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
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(path))
		dirs[dir] += f.Doc.Text()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// TestPackageComments holds that every package of the module has a
// package comment (what `go doc ./DIR` shows first) that begins with
// "Package NAME" or, for a program, "Command NAME".
func TestPackageComments(t *testing.T) {
	dirs := packageDirs(t)
	if len(dirs) < 15 {
		t.Fatalf("found %d packages: the walk missed some", len(dirs))
	}
	for dir, doc := range dirs {
		name := filepath.Base(dir)
		if dir == "." {
			name = "createuser"
		}
		if !strings.HasPrefix(doc, "Package "+name+" ") && !strings.HasPrefix(doc, "Command "+name+" ") {
			t.Errorf("%s: the package comment must begin with \"Package %s\" or \"Command %s\"; it is %q", dir, name, name, doc)
		}
	}
}

// TestRootDocListsPackages holds that the root package comment (doc.go,
// under "# Packages") describes every package of the module outside
// internal/ and examples/, one list item "  - PATH: ..." each.
func TestRootDocListsPackages(t *testing.T) {
	data, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "// # Packages\n")
	section, _, _ = strings.Cut(section, "// # ")
	if !ok {
		t.Fatal("doc.go has no # Packages section")
	}
	var listed []string
	for _, m := range regexp.MustCompile(`(?m)^//   - ([a-z][a-z0-9/]*): `).FindAllStringSubmatch(section, -1) {
		listed = append(listed, m[1])
	}
	var want []string
	for dir := range packageDirs(t) {
		if dir == "." || strings.HasPrefix(dir, "internal/") || strings.HasPrefix(dir, "examples/") {
			continue
		}
		want = append(want, dir)
	}
	slices.Sort(listed)
	slices.Sort(want)
	if d := cmp.Diff(want, listed); d != "" {
		t.Errorf("doc.go's # Packages differs from the module's packages (-module +doc.go):\n%s", d)
	}
}
