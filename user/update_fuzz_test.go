package user

import (
	"encoding/json"
	"testing"
)

// FuzzValidateOperationDocument reads arbitrary documents of every update
// operation: it never panics; every violation is a row of the catalog that
// names the operation, with a position inside the document; and the
// request read back, encoded again, reads back the same.
func FuzzValidateOperationDocument(f *testing.F) {
	for _, op := range Operations()[1:] {
		for _, doc := range readerCases(op) {
			if len(doc) < 4096 {
				f.Add(uint8(op.ordinal()), []byte(doc))
			}
		}
	}
	for _, tc := range updateCases {
		if data, err := json.Marshal(tc.r); err == nil {
			f.Add(uint8(tc.r.Operation().ordinal()), data)
		}
	}
	f.Fuzz(func(t *testing.T, k uint8, data []byte) {
		op := operations[1+int(k)%(len(operations)-1)]
		set := opSet(1) << op.ordinal()
		r, list := ValidateOperationDocument(op, data)
		for _, v := range list {
			row := ruleByID(v.Rule)
			if row >= ruleCount {
				t.Fatalf("%s: violation of no row: %v", op, v)
			}
			if ruleOperations[row]&set == 0 {
				t.Fatalf("%s: %s does not name the operation", op, v.Rule)
			}
			if v.Line < 1 || v.Column < 1 {
				t.Fatalf("%s: %s at %s has no position", op, v.Rule, v.Field)
			}
		}
		if r == nil {
			return
		}
		if r.Operation() != op {
			t.Fatalf("read a %s for %s", r.Operation(), op)
		}
		again, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		back, _ := ValidateOperationDocument(op, again)
		twice, err := json.Marshal(back)
		if err != nil {
			t.Fatal(err)
		}
		if string(twice) != string(again) {
			t.Fatalf("%s: %s reads back as %s", op, again, twice)
		}
	})
}
