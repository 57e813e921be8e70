package main

import (
	"context"
	"testing"

	cuerrors "github.com/connectkit/createuser/errors"
)

// TestMoveMary runs the README's "After CreateUser" program: the update
// without a routing profile is stopped with the catalog's violation, the
// valid one moves Mary to Sales in the local service.
func TestMoveMary(t *testing.T) {
	got, stopped, err := moveMary(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got != lifecycleSales {
		t.Errorf("Mary's routing profile is %q, want Sales (%s)", got, lifecycleSales)
	}
	if d := cuerrors.Diff([]cuerrors.Want{{Field: "RoutingProfileId", Code: cuerrors.CodeRequired}}, stopped); d != "" {
		t.Error(d)
	}
}
