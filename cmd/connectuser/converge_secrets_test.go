package main

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestConvergeSecretsStayHidden plants fresh random names, email
// addresses, phone numbers and a password in a file of users that plan
// and apply converge on the local service (updates of IdentityInfo and
// PhoneConfig, a create, and an update that breaks a rule): plan's text
// and JSON, apply's output, both commands' standard error, the journal
// and the service's own log hold none of them, nor their hexadecimal
// form. plan --show-values shows them, so the search cannot pass for want
// of them.
func TestConvergeSecretsStayHidden(t *testing.T) {
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(uint64(seed), 0x5ec))
	word := func() string {
		b := make([]byte, 10)
		for i := range b {
			b[i] = byte('a' + r.IntN(26))
		}
		return "Q" + string(b)
	}
	digits := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	first, last, local, badLocal := word(), word(), strings.ToLower(word()), strings.ToLower(word())
	mobile, desk := "+1206"+digits(7), "+1425"+digits(7)
	password := "Pw1" + word()
	secrets := []string{first, last, local, badLocal, mobile, desk, password}

	const rp, agent = "87654321-9876-9876-9876-210987654321", "12345678-1234-1234-1234-123456789012"
	lines := []string{
		fmt.Sprintf(`{"Username":"dramirez","IdentityInfo":{"FirstName":%q,"LastName":%q,"Email":"%s@example.com","Mobile":%q}}`, first, last, local, mobile),
		fmt.Sprintf(`{"Username":"psantos","PhoneConfig":{"PhoneType":"DESK_PHONE","DeskPhoneNumber":%q,"AutoAccept":false,"AfterContactWorkTimeLimit":60}}`, desk),
		fmt.Sprintf(`{"Username":"mmajor","IdentityInfo":{"Email":"%s at example"}}`, badLocal),
		fmt.Sprintf(`{"Username":"newbie","Password":%q,"IdentityInfo":{"FirstName":"New","LastName":"User"},"SecurityProfileIds":[%q],"RoutingProfileId":%q}`, password, agent, rp),
	}
	dir := t.TempDir()
	users := filepath.Join(dir, "users.jsonl")
	if err := os.WriteFile(users, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.Abs(moduleRoot)
	srv := startServe(t, "--state", filepath.Join(root, "examples/converge/state.json"))
	conn := []string{"--endpoint-url", srv.url, "--instance-id", demoInstance}

	shown := runBinary(t, dir, nil, append(append([]string{"plan", "--show-values"}, conn...), users)...)
	for _, s := range []string{first, last, mobile, desk} {
		if !strings.Contains(shown.stdout, s) {
			t.Fatalf("plan --show-values does not show %q (the file's values did not reach the plan):\n%s%s", s, shown.stdout, shown.stderr)
		}
	}

	journal := filepath.Join(dir, "journal.jsonl")
	outputs := map[string]result{
		"plan":             runBinary(t, dir, nil, append(append([]string{"plan"}, conn...), users)...),
		"plan json":        runBinary(t, dir, nil, append(append([]string{"plan", "--format", "json"}, conn...), users)...),
		"apply --dry-run":  runBinary(t, dir, nil, append(append([]string{"apply", "--dry-run", "--progress", "none", "--journal", journal}, conn...), users)...),
		"apply":            runBinary(t, dir, nil, append(append([]string{"apply", "--continue-on-invalid", "--progress", "none", "--journal", journal}, conn...), users)...),
		"plan after apply": runBinary(t, dir, nil, append(append([]string{"plan"}, conn...), users)...),
	}
	if r := outputs["apply"]; r.code != exitInvalid || !strings.Contains(r.stdout, "created 1 (settled 0), updated 2,") {
		t.Errorf("apply: exit %d, want %d (the invalid row), one user created and two updated:\n%s%s", r.code, exitInvalid, r.stdout, r.stderr)
	}
	if r := outputs["plan after apply"]; !strings.Contains(r.stdout, "0 to create, 0 to update, 0 to delete, 3 unchanged, 1 invalid.") {
		t.Errorf("plan after apply: the values did not all reach the service:\n%s%s", r.stdout, r.stderr)
	}
	j, err := os.ReadFile(journal)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{"the journal": string(j), "the service's output": srv.stdout.String() + srv.stderr.String()}
	for name, r := range outputs {
		texts[name+" stdout"], texts[name+" stderr"] = r.stdout, r.stderr
	}
	for name, text := range texts {
		for _, s := range secrets {
			if strings.Contains(text, s) || strings.Contains(text, hex.EncodeToString([]byte(s))) {
				t.Errorf("%s holds %q:\n%s", name, s, text)
			}
		}
	}
}
