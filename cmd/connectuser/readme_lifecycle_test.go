package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// readmeCommand is one command of a README block and what it prints.
type readmeCommand struct {
	line, want string
}

// readmeCommands returns the commands of the text block between
// <!-- name --> and <!-- /name -->: each line that starts with "$ "
// (joined with its "\" continuations) and the lines after it, up to the
// next command, as its output.
func readmeCommands(t *testing.T, name string) []readmeCommand {
	t.Helper()
	block := readmeFence(t, name, "text", true)
	var out []readmeCommand
	lines := strings.Split(strings.TrimSuffix(block, "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		line, isCommand := strings.CutPrefix(lines[i], "$ ")
		if !isCommand {
			if len(out) == 0 {
				t.Fatalf("README <!-- %s -->: output before any command: %q", name, lines[i])
			}
			out[len(out)-1].want += lines[i] + "\n"
			continue
		}
		for strings.HasSuffix(line, `\`) && i+1 < len(lines) {
			i++
			line = strings.TrimSuffix(line, `\`) + " " + strings.TrimSpace(lines[i])
		}
		out = append(out, readmeCommand{line: line})
	}
	return out
}

// TestREADMEAfterCreateUser runs the AWS CLI commands of the README's
// "After CreateUser" section as printed, against `connectuser serve` with
// the state they name (only the port, 8080 there, is a free one), and
// compares what each prints with the README.
func TestREADMEAfterCreateUser(t *testing.T) {
	commands := readmeCommands(t, "after-create-user")
	requireClient(t, "the AWS CLI", "aws", "--version")
	root, err := filepath.Abs(moduleRoot)
	if err != nil {
		t.Fatal(err)
	}
	const serveLine = "go run ./cmd/connectuser serve --state examples/lifecycle/state.json &"
	if len(commands) < 2 || commands[0].line != serveLine {
		t.Fatalf("the block must start with %q", serveLine)
	}
	srv := startServe(t, "--state", filepath.Join(root, "examples/lifecycle/state.json"))
	env := clientEnv(t, "us-east-1")
	ran := map[string]bool{}
	for _, c := range commands[1:] {
		if exports, ok := strings.CutPrefix(c.line, "export "); ok {
			env = append(env, strings.Fields(exports)...)
			continue
		}
		line := strings.ReplaceAll(c.line, "http://127.0.0.1:8080", srv.url)
		args := strings.Fields(line)
		if len(args) < 3 || args[0] != "aws" || args[1] != "connect" {
			t.Fatalf("a command the test does not know: %s", c.line)
		}
		ran[args[2]] = true
		run := runClient(t, env, root, "bash", "-c", line) // as printed: the shell reads the quotes
		got := run.stdout
		if strings.HasPrefix(c.want, "An error occurred") {
			// clientEnv sets AWS_MAX_ATTEMPTS=1, after which the CLI adds
			// this to every error; with its default retries it does not
			// for an error it does not retry.
			got = strings.Replace(strings.TrimLeft(run.stderr, "\n"), " (reached max retries: 0)", "", 1)
			if run.code == 0 {
				t.Errorf("%s: exit status 0, want a failure", args[2])
			}
		} else if run.code != 0 {
			t.Errorf("%s: exit status %d: %s", args[2], run.code, run.stderr)
		}
		if got != c.want {
			t.Errorf("%s printed\n%s\nthe README shows\n%s", args[2], got, c.want)
		}
	}
	for _, op := range []string{"update-user-routing-profile", "update-user-phone-config", "tag-resource", "describe-user", "delete-user"} {
		if !ran[op] {
			t.Errorf("the README's block does not run %s", op)
		}
	}
}
