package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// workflowFile is the GitHub Actions workflow that the README shows.
const workflowFile = "examples/github-actions/connectuser.yml"

// goRun is how the workflow runs connectuser; the test runs the binary
// built from this tree instead.
const goRun = "go run github.com/connectkit/createuser/cmd/connectuser@latest"

// The README's CI snippet is the workflow file, and the workflow's
// commands work: run with bash over a copy of the example documents in
// requests/, the annotations job writes one workflow command per
// violation and fails (the examples have errors), and the code-scanning
// job writes a SARIF log and succeeds.
func TestReadmeWorkflow(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(moduleRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	workflow, err := os.ReadFile(filepath.Join(moduleRoot, workflowFile))
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)<!-- ci-workflow: " + regexp.QuoteMeta(workflowFile) + " -->\n```yaml\n(.*?)```").FindSubmatch(readme)
	if block == nil {
		t.Fatalf("README.md has no yaml block after <!-- ci-workflow: %s -->", workflowFile)
	}
	if string(block[1]) != string(workflow) {
		t.Errorf("the README's workflow differs from %s: copy the file into the README", workflowFile)
	}

	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(workflow, &wf); err != nil {
		t.Fatalf("%s is not YAML: %v", workflowFile, err)
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Fatalf("bash is needed to run the workflow's commands: %v", err)
	}
	dir := t.TempDir()
	docs, _ := filepath.Glob(filepath.Join(moduleRoot, examplesDir, "*"))
	if err := os.Mkdir(filepath.Join(dir, "requests"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range docs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "requests", filepath.Base(p)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	commands := map[string]string{}
	for name, job := range wf.Jobs {
		for _, s := range job.Steps {
			if strings.Contains(s.Run, "connectuser") {
				if !strings.HasPrefix(s.Run, goRun+" ") {
					t.Fatalf("job %s runs %q, not %s", name, s.Run, goRun)
				}
				commands[name] = strings.Replace(s.Run, goRun, connectuserBinary(t), 1)
			}
		}
	}
	if len(commands) != 2 {
		t.Fatalf("the workflow runs connectuser in %d jobs, want annotations and code-scanning", len(commands))
	}
	run := func(command string) (string, int) {
		cmd := exec.Command(bash, "-c", command)
		cmd.Dir = dir
		out, err := cmd.Output()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), code
	}

	out, code := run(commands["annotations"])
	if code != exitInvalid {
		t.Errorf("annotations: exit status %d, want 1 (the examples have errors)", code)
	}
	annotation := regexp.MustCompile(`(?m)^::(error|warning) file=requests/[a-z-]+\.jsonl?,line=\d+,col=\d+,title=[a-z.-]+::`)
	if n := len(annotation.FindAllString(out, -1)); n != 25 {
		t.Errorf("annotations: %d workflow commands, want 25 (23 errors, 2 warnings):\n%s", n, out)
	}

	out, code = run(commands["code-scanning"])
	if code != 0 || out != "" {
		t.Errorf("code-scanning: exit status %d, output %q", code, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "connectuser.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != 25 {
		t.Errorf("code-scanning: the SARIF log: %v, version %q, %d runs", err, log.Version, len(log.Runs))
	}
}
