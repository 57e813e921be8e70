package createuser_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestBenchmarksReproducible holds BENCHMARKS.md to figures that the
// repository alone reproduces: no path outside it, every package a
// command of its code blocks names exists in it, the side-by-side
// command is the in-repository one, and the machine's other load is
// called what it is.
func TestBenchmarksReproducible(t *testing.T) {
	data, err := os.ReadFile("BENCHMARKS.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if m := regexp.MustCompile(`\.\./[A-Za-z]`).FindString(text); m != "" {
		t.Errorf("BENCHMARKS.md names a path outside the repository (%q...)", m)
	}
	if m := regexp.MustCompile(`(?i)\bagents?'?\b`).FindString(text); m != "" {
		t.Errorf("BENCHMARKS.md speaks of %q: the machine's other load is other processes", m)
	}
	commands := 0
	inBlock := false
	pkgRE := regexp.MustCompile(`(?:^|\s)(\./[A-Za-z0-9_./-]+?)/?(?:\s|$)`)
	for n, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "```") {
			inBlock = !inBlock
			continue
		}
		if !inBlock || !strings.HasPrefix(line, "go ") {
			continue
		}
		commands++
		for _, m := range pkgRE.FindAllStringSubmatch(line, -1) {
			if st, err := os.Stat(m[1]); err != nil || !st.IsDir() {
				t.Errorf("BENCHMARKS.md:%d: %s is not a package of the repository", n+1, m[1])
			}
		}
	}
	if commands < 5 {
		t.Errorf("BENCHMARKS.md has %d go commands in code blocks; the walk is broken", commands)
	}
	if !strings.Contains(text, "go run ./internal/benchmarks/sidebyside\n") {
		t.Error("BENCHMARKS.md does not give the side-by-side command, go run ./internal/benchmarks/sidebyside")
	}
	summary := regexp.MustCompile(`(?m)^sidebyside: full [0-9.]+× hand-written \(0 allocs\), 10-violations [0-9.]+× \([0-9]+ allocs\), decode\+validate [0-9.]+× json\.Unmarshal, [0-9]+× faster than validator/v10; every goal met$`)
	if n := len(summary.FindAllString(text, -1)); n < 3 {
		t.Errorf("BENCHMARKS.md shows %d summary lines of the side-by-side command as it prints them, want its runs (3)", n)
	}
}
