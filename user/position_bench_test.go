package user

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/connectkit/createuser/identity"
)

// positionDocuments are documents with violations, for the cost of their
// positions: the violations10 request indented (644 bytes, 11
// violations), the example with many violations, and the full request
// (50 tags, 4 KiB) with one broken member, where the second reading has
// the most to skip for the least to find.
func positionDocuments(tb testing.TB) []struct {
	name string
	doc  []byte
} {
	ten, err := json.MarshalIndent(tenViolations(), "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	many, err := os.ReadFile("../examples/documents/many-violations.json")
	if err != nil {
		tb.Fatal(err)
	}
	full := fullRequest()
	full.HierarchyGroupId = new("")
	one, err := json.MarshalIndent(full, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return []struct {
		name string
		doc  []byte
	}{{"violations10", ten}, {"many-violations", many}, {"full-1-violation", one}}
}

// BenchmarkPositions measures ValidateDocument on documents with
// violations with positions (positions=with, what ValidateDocument does)
// and without them (positions=without: the same reading and rules, no
// second reading), side by side.
func BenchmarkPositions(b *testing.B) {
	v := NewValidator(WithIdentityManagement(identity.ConnectManaged))
	for _, d := range positionDocuments(b) {
		b.Run("doc="+d.name+"/positions=without", func(b *testing.B) {
			b.SetBytes(int64(len(d.doc)))
			b.ReportAllocs()
			for b.Loop() {
				v.validateDocument(d.doc, 1)
			}
		})
		b.Run("doc="+d.name+"/positions=with", func(b *testing.B) {
			b.SetBytes(int64(len(d.doc)))
			b.ReportAllocs()
			for b.Loop() {
				v.ValidateDocument(d.doc)
			}
		})
	}
}

// A valid document is not read a second time: positions cost it no
// allocation and no time.
func TestPositionsValidDocumentCostNothing(t *testing.T) {
	doc, err := json.MarshalIndent(fullRequest(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	v := NewValidator(WithIdentityManagement(identity.ConnectManaged))
	if _, list := v.ValidateDocument(doc); len(list) != 0 {
		t.Fatalf("the full request has violations: %v", list)
	}
	with := testing.AllocsPerRun(100, func() { v.ValidateDocument(doc) })
	without := testing.AllocsPerRun(100, func() { v.validateDocument(doc, 1) })
	if with != without {
		t.Errorf("a valid document makes %v allocations with positions, %v without", with, without)
	}
}

// Positions never change what is reported, only where.
func TestPositionsChangeNothingElse(t *testing.T) {
	v := NewValidator(WithIdentityManagement(identity.ConnectManaged))
	for _, d := range positionDocuments(t) {
		_, with := v.ValidateDocument(d.doc)
		_, without := v.validateDocument(d.doc, 1)
		if len(with) != len(without) {
			t.Fatalf("%s: %d violations with positions, %d without", d.name, len(with), len(without))
		}
		for i := range with {
			a := with[i]
			a.Line, a.Column = 0, 0
			if a.Error() != without[i].Error() || a.Rule != without[i].Rule || !a.Field.Equal(without[i].Field) || a.Value != without[i].Value {
				t.Errorf("%s: violation %d differs with positions: %v, %v", d.name, i, &with[i], &without[i])
			}
			if with[i].Line == 0 {
				t.Errorf("%s: %s has no position", d.name, with[i].Rule)
			}
		}
	}
}
