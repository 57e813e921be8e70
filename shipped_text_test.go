package createuser_test

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// citationRE matches a citation of a document the repository does not
// ship: the design notes it was built from ("SPEC section 9", "createuser
// specification, section 5", "the order of the specification"). The
// product's sources are the service's API model and documentation.
var citationRE = regexp.MustCompile(`\bSPEC\b|[Ss]pecification,? section|createuser specification|\b(?:the|this) specification\b`)

// shippedText reports whether the file at path (slash-separated, from
// the module root) is text that ships with the module: code that is not
// a test, documentation, examples and CI files. Test files and test data
// may speak of anything.
func shippedText(path string) bool {
	if strings.HasSuffix(path, "_test.go") {
		return false
	}
	for _, dir := range strings.Split(filepath.ToSlash(filepath.Dir(path)), "/") {
		if dir == "testdata" {
			return false
		}
	}
	switch filepath.Ext(path) {
	case ".go", ".md", ".yml", ".yaml", ".json", ".jsonl", ".csv", ".txt", ".mod":
		return true
	}
	return strings.HasPrefix(path, ".ci/")
}

// TestNoSpecCitations holds that no shipped text (code, help texts,
// README, doc comments, BENCHMARKS.md, examples) cites a specification
// that the repository does not ship.
func TestNoSpecCitations(t *testing.T) {
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "." && strings.HasPrefix(d.Name(), ".") && d.Name() != ".ci" {
				return filepath.SkipDir
			}
			return nil
		}
		path = filepath.ToSlash(path)
		if !shippedText(path) {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		checked++
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
		for n := 1; sc.Scan(); n++ {
			if m := citationRE.FindString(sc.Text()); m != "" {
				t.Errorf("%s:%d: cites %q, which the repository does not ship; cite the service's API model or documentation", path, n, m)
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("checked %d files; the walk missed the repository", checked)
	}
}
