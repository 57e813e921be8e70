package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestScripts runs the command-line scripts of testdata/script (the
// go command's own test style): each a scenario that reads like the
// README, with connectuser on PATH, the repository's examples in the
// work directory and $PORT a free port of 127.0.0.1.
func TestScripts(t *testing.T) {
	bin := connectuserBinary(t)
	root, _ := filepath.Abs(moduleRoot)
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("PATH", filepath.Dir(bin)+string(os.PathListSeparator)+env.Getenv("PATH"))
			port, err := freePort()
			if err != nil {
				return err
			}
			env.Setenv("PORT", port)
			return copyTree(filepath.Join(root, "examples/converge"), filepath.Join(env.WorkDir, "examples/converge"))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// ready URL waits (at most 20 s) until something answers at URL.
			"ready": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 || neg {
					ts.Fatalf("usage: ready URL")
				}
				c := &http.Client{Timeout: time.Second}
				for range 200 {
					if resp, err := c.Get(args[0]); err == nil {
						resp.Body.Close()
						return
					}
					time.Sleep(100 * time.Millisecond)
				}
				ts.Fatalf("nothing answers at %s", args[0])
			},
		},
	})
}

// freePort returns a port of 127.0.0.1 that was free a moment ago.
func freePort() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return fmt.Sprint(l.Addr().(*net.TCPAddr).Port), nil
}

// copyTree copies the regular files of dir src into dst.
func copyTree(src, dst string) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// scriptCommands renders the commands of a script as the README shows
// them: from the repository's root, the program built as ./connectuser,
// port 8080, an output file as a redirection, and no assertion.
func scriptCommands(script string) []string {
	out := []string{"go build -o connectuser ./cmd/connectuser"}
	for _, line := range strings.Split(script, "\n") {
		if strings.HasPrefix(line, "-- ") {
			break
		}
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "! "))
		switch {
		case strings.HasPrefix(line, "cp stdout "):
			out[len(out)-1] += " > " + strings.TrimPrefix(line, "cp stdout ")
		case strings.HasPrefix(line, "kill "):
			out = append(out, "kill %1")
		case strings.HasPrefix(line, "exec "):
			cmd := strings.TrimPrefix(line, "exec ")
			if strings.HasPrefix(cmd, "connectuser ") {
				cmd = "./" + cmd
			}
			if i := strings.Index(cmd, " &"); i >= 0 && strings.HasSuffix(cmd, "&") {
				cmd = cmd[:i] + " &"
			}
			if strings.HasPrefix(cmd, "sh -c '") {
				cmd = strings.TrimSuffix(strings.TrimPrefix(cmd, "sh -c '"), "'")
			}
			out = append(out, strings.ReplaceAll(cmd, "$PORT", "8080"))
		}
	}
	return out
}

// TestREADMEConvergeMatchesScript holds the README's walk-through of
// users as a file equal to the commands of testdata/script/converge.txtar,
// which TestScripts runs.
func TestREADMEConvergeMatchesScript(t *testing.T) {
	block := readmeFence(t, "walkthrough: testdata/script/converge.txtar", "sh", false)
	script, err := os.ReadFile("testdata/script/converge.txtar")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join(scriptCommands(string(script)), "\n") + "\n"
	if block != want {
		t.Errorf("README block:\n%s\nthe script's commands:\n%s", block, want)
	}
}
