package onboard_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/onboard"
)

// TestPropertyExportThenPlanShowsNoChange: for random instances, the
// export (as request documents and as the CSV template) planned against
// the same instance shows no change.
func TestPropertyExportThenPlanShowsNoChange(t *testing.T) {
	seed := time.Now().UnixNano()
	if s := os.Getenv("CREATEUSER_PROPERTY_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	cases := 25
	if s := os.Getenv("CREATEUSER_PROPERTY_CASES"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			cases = min(n, 200)
		}
	}
	t.Logf("gopter seed %d, %d cases; replay with: CREATEUSER_PROPERTY_SEED=%d CREATEUSER_PROPERTY_CASES=%d go test ./onboard/ -run '^%s$'",
		seed, cases, seed, cases, t.Name())
	params := gopter.DefaultTestParametersWithSeed(seed)
	params.MinSuccessfulTests = cases
	params.Workers = 1
	props := gopter.NewProperties(params)
	props.Property("export, then plan: no change", prop.ForAll(labelled(func(users []seedUser) (string, error) {
		srv, _ := propServer(t, scenario{Instance: users, FaultSeed: 1})
		defer srv.Close()
		a := onboard.New(newClient(srv), append(fast(), onboard.WithInstanceID(propInstance))...)
		ctx := context.Background()
		exported, err := a.Export(ctx, nil)
		if err != nil {
			return "export", err
		}
		var docs bytes.Buffer
		if err := onboard.WriteDocuments(&docs, exported); err != nil {
			return "documents", err
		}
		reqs, err := onboard.ReadJSONLines(&docs, "users.jsonl")
		if err != nil {
			return "documents", err
		}
		if label, err := noChange(a, reqs); err != nil {
			return "jsonl: " + label, err
		}
		var csv bytes.Buffer
		if err := a.WriteTemplate(ctx, &csv, exported); err != nil {
			return "template", err
		}
		reqs, problems, err := onboard.NewImporter(a.Names(), propInstance, identity.Unknown).Desired(ctx, &csv, "users.csv")
		if err != nil || len(problems) > 0 {
			return "template read back", fmt.Errorf("%v %v", err, problems)
		}
		if label, err := noChange(a, reqs); err != nil {
			return "csv: " + label, err
		}
		return "", nil
	}), gen.SliceOfN(10, seedUserGen())))
	props.TestingRun(t, propReporter{t})
}

// noChange plans reqs and fails unless every user is unchanged.
func noChange(a *onboard.Applier, reqs []onboard.Request) (string, error) {
	plan, err := a.Plan(context.Background(), reqs)
	if err != nil {
		return "plan", err
	}
	if plan.Changed() || plan.Count(onboard.ActionUnchanged) != len(reqs) {
		var b bytes.Buffer
		plan.WriteText(&b, true)
		return "no change", fmt.Errorf("%s", b.String())
	}
	return "", nil
}
