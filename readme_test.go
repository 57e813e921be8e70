package createuser_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestREADMESnippets holds every Go snippet of README.md equal to code
// that the tests compile (and run), so the README shows only what works.
//
// How to add a snippet: write the code in a Go file under examples/ (a
// test file or an Example func counts: it must be compiled by `go test
// ./...`), put it between two marker comments
//
//	// snippet: NAME
//	...the code, as the README shows it...
//	// end snippet: NAME
//
// and put, on the line before the README's ```go fence (blank lines
// between are allowed), the HTML comment
//
//	<!-- snippet: examples/DIR/FILE.go#NAME -->
//
// The snippet must equal the region with its common indentation removed.
// A marker without #NAME stands for the whole file after its package
// clause. A ```go block without a marker, a marker without a block, a
// missing file or region, or a difference fails this test, and the
// message says which snippet and line.
func TestREADMESnippets(t *testing.T) {
	blocks := readmeBlocks(t, "README.md")
	if len(blocks) == 0 {
		t.Fatal("README.md has no ```go block")
	}
	for _, b := range blocks {
		t.Run(fmt.Sprintf("line %d", b.line), func(t *testing.T) {
			if b.marker == "" {
				t.Fatalf("README.md:%d: a ```go block without a <!-- snippet: FILE#NAME --> marker before it", b.line)
			}
			want, err := snippetSource(b.marker)
			if err != nil {
				t.Fatalf("README.md:%d: %v", b.line, err)
			}
			if got := strings.TrimSpace(b.code); got != want {
				t.Errorf("README.md:%d differs from %s\nREADME:\n%s\n\n%s:\n%s", b.line, b.marker, got, b.marker, want)
			}
		})
	}
}

type readmeBlock struct {
	line   int    // of the opening fence
	marker string // FILE or FILE#NAME
	code   string
}

var markerRE = regexp.MustCompile(`^<!--\s*snippet:\s*(\S+)\s*-->$`)

// readmeBlocks returns the ```go blocks of the Markdown file name, each
// with the marker before it.
func readmeBlocks(t *testing.T, name string) []readmeBlock {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		blocks  []readmeBlock
		marker  string
		cur     *readmeBlock
		inOther bool // inside a fence of another language
		lineNo  int
	)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case cur != nil:
			if trimmed == "```" {
				blocks = append(blocks, *cur)
				cur = nil
				continue
			}
			cur.code += line + "\n"
		case inOther:
			if trimmed == "```" {
				inOther = false
			}
		case trimmed == "```go":
			cur = &readmeBlock{line: lineNo, marker: marker}
			marker = ""
		case strings.HasPrefix(trimmed, "```"):
			inOther = true
			marker = ""
		case markerRE.MatchString(trimmed):
			if marker != "" {
				t.Errorf("README.md:%d: a snippet marker without a ```go block after it", lineNo)
			}
			marker = markerRE.FindStringSubmatch(trimmed)[1]
		case trimmed != "" && marker != "":
			t.Errorf("README.md:%d: a snippet marker must come just before its ```go block", lineNo)
			marker = ""
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if cur != nil {
		t.Errorf("README.md:%d: a ```go block that does not end", cur.line)
	}
	return blocks
}

// snippetSource returns the code that marker (FILE or FILE#NAME) names.
func snippetSource(marker string) (string, error) {
	file, name, region := strings.Cut(marker, "#")
	if !strings.HasPrefix(filepath.ToSlash(filepath.Clean(file)), "examples/") || !strings.HasSuffix(file, ".go") {
		return "", fmt.Errorf("snippet file %s: must be a .go file under examples/", file)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	lines := strings.Split(string(data), "\n")
	if !region {
		for i, l := range lines {
			if strings.HasPrefix(l, "package ") {
				return strings.TrimSpace(strings.Join(lines[i+1:], "\n")), nil
			}
		}
		return "", fmt.Errorf("%s has no package clause", file)
	}
	start, end := -1, -1
	for i, l := range lines {
		switch strings.TrimSpace(l) {
		case "// snippet: " + name:
			if start >= 0 {
				return "", fmt.Errorf("%s: region %q begins twice", file, name)
			}
			start = i + 1
		case "// end snippet: " + name:
			end = i
		}
	}
	if start < 0 || end < start {
		return "", fmt.Errorf("%s: no region %q (// snippet: %s ... // end snippet: %s)", file, name, name, name)
	}
	return dedent(lines[start:end]), nil
}

// dedent removes the indentation common to the non-blank lines and the
// blank lines around them.
func dedent(lines []string) string {
	prefix := ""
	first := true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		ind := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if first {
			prefix, first = ind, false
			continue
		}
		for !strings.HasPrefix(ind, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimPrefix(l, prefix)
		if strings.TrimSpace(l) == "" {
			out[i] = ""
		}
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
