package user

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
)

// docWant is a violation of a document as compared: path, code, line and
// column.
type docWant struct {
	Field string
	Code  cuerrors.Code
	Line  int
	Col   int
}

func docWants(l cuerrors.List) []docWant {
	if l == nil {
		return nil
	}
	out := make([]docWant, len(l))
	for i, v := range l {
		out[i] = docWant{v.Field.String(), v.Code, v.Line, v.Column}
	}
	return out
}

// TestValidateOperationDocument reads documents of each update operation:
// its members, strictly, with positions.
func TestValidateOperationDocument(t *testing.T) {
	for _, tc := range []struct {
		name string
		op   Operation
		doc  string
		want []docWant
	}{
		{"identity info valid", OperationUpdateUserIdentityInfo,
			`{"InstanceId":"i-1","UserId":"u-1","IdentityInfo":{"FirstName":"Mary","LastName":"Major"}}`, nil},
		{"identity info unknown nested", OperationUpdateUserIdentityInfo,
			"{\"InstanceId\":\"i-1\",\"UserId\":\"u-1\",\n\"IdentityInfo\":{\"FirstName\":\"Mary\",\"Emial\":\"x\"}}",
			[]docWant{{"IdentityInfo.Emial", cuerrors.CodeUnknown, 2, 36}}},
		{"a CreateUser member", OperationUpdateUserRoutingProfile,
			`{"InstanceId":"i-1","UserId":"u-1","RoutingProfileId":"r","Username":"mary"}`,
			[]docWant{{"Username", cuerrors.CodeUnknown, 1, 59}}},
		{"user id wrong type", OperationDeleteUser,
			`{"InstanceId":"i-1","UserId":7}`,
			[]docWant{{"UserId", cuerrors.CodeType, 1, 21}}},
		{"user id twice", OperationDeleteUser,
			`{"InstanceId":"i-1","UserId":"a","UserId":"b"}`,
			[]docWant{{"UserId", cuerrors.CodeDuplicate, 1, 34}}},
		{"phone type missing", OperationUpdateUserPhoneConfig,
			`{"InstanceId":"i-1","UserId":"u-1","PhoneConfig":{"AutoAccept":true}}`,
			[]docWant{{"PhoneConfig.PhoneType", cuerrors.CodeRequired, 1, 36}}},
		{"phone config wrong type", OperationUpdateUserPhoneConfig,
			`{"InstanceId":"i-1","UserId":"u-1","PhoneConfig":[]}`,
			[]docWant{{"PhoneConfig", cuerrors.CodeType, 1, 36}}},
		{"config list wrong type: no lists rule", OperationUpdateUserConfig,
			`{"InstanceId":"i-1","UserId":"u-1","AutoAcceptConfigs":{}}`,
			[]docWant{{"AutoAcceptConfigs", cuerrors.CodeType, 1, 36}}},
		{"config null element", OperationUpdateUserConfig,
			`{"InstanceId":"i-1","UserId":"u-1","PersistentConnectionConfigs":[null]}`,
			[]docWant{{"PersistentConnectionConfigs[0]", cuerrors.CodeRequired, 1, 67}}},
		{"config no list", OperationUpdateUserConfig,
			`{"InstanceId":"i-1","UserId":"u-1"}`,
			[]docWant{{"", cuerrors.CodeRequired, 1, 1}}},
		{"security profiles", OperationUpdateUserSecurityProfiles,
			`{"InstanceId":"i-1","UserId":"u-1","SecurityProfileIds":["a","a",3]}`,
			[]docWant{{"SecurityProfileIds[2]", cuerrors.CodeType, 1, 66}, {"SecurityProfileIds[1]", cuerrors.CodeDuplicate, 1, 62}}},
		{"hierarchy null", OperationUpdateUserHierarchy,
			`{"InstanceId":"i-1","UserId":"u-1","HierarchyGroupId":null}`, nil},
		{"tags", OperationTagResource,
			"{\"resourceArn\":\"" + testUserARN + "\",\n\"tags\":{\"aws:x\":\"1\",\"k\":\"1\",\"k\":\"2\",\"v\":3}}",
			[]docWant{{"tags", cuerrors.CodeDuplicate, 2, 29}, {"tags[v]", cuerrors.CodeType, 2, 37}, {"tags", cuerrors.CodeReserved, 2, 9}}},
		{"Tags is not tags", OperationTagResource,
			`{"resourceArn":"` + testUserARN + `","Tags":{"k":"v"}}`,
			[]docWant{{"Tags", cuerrors.CodeUnknown, 1, 146}, {"tags", cuerrors.CodeRequired, 1, 1}}},
		{"tag keys", OperationUntagResource,
			`{"resourceArn":"arn:aws:connect:us-west-2:123456789012:instance/i-1","tagKeys":["k",null,"aws:k"]}`,
			[]docWant{{"resourceArn", cuerrors.CodePattern, 1, 2}, {"tagKeys[1]", cuerrors.CodeLength, 1, 85}, {"tagKeys[2]", cuerrors.CodeReserved, 1, 90}}},
		{"resource arn not UTF-8", OperationUntagResource,
			"{\"resourceArn\":\"a\xff\",\"tagKeys\":[\"k\"]}",
			[]docWant{{"resourceArn", cuerrors.CodeSyntax, 1, 2}}},
		{"syntax", OperationDeleteUser, `{"InstanceId":`, []docWant{{"", cuerrors.CodeSyntax, 1, 15}}},
		{"not an object", OperationDeleteUser, `[]`, []docWant{{"", cuerrors.CodeType, 1, 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, got := ValidateOperationDocument(tc.op, []byte(tc.doc))
			if d := cmp.Diff(tc.want, docWants(got)); d != "" {
				t.Errorf("violations (-want +got):\n%s", d)
			}
			if r != nil && r.Operation() != tc.op {
				t.Errorf("request of %s, want %s", r.Operation(), tc.op)
			}
		})
	}
}

// TestOperationDocumentRoundTrip checks that the JSON encoding of each
// request is a document of its operation that reads back to an equal
// request with the same violations as the request itself.
func TestOperationDocumentRoundTrip(t *testing.T) {
	for _, tc := range updateCases {
		switch tc.name {
		case "user id not utf-8", "arn not utf-8", "untag bad keys":
			continue // JSON sends U+FFFD for the invalid bytes
		case "delete nil":
			continue // no document
		case "untag 101 keys", "config 101 elements":
			continue // the document's request holds the entries checked
		}
		data, err := json.Marshal(tc.r)
		if err != nil {
			t.Fatal(err)
		}
		back, got := ValidateOperationDocument(tc.r.Operation(), data)
		if d := cmp.Diff(tc.r, back); d != "" {
			t.Errorf("%s: read back (-want +got):\n%s", tc.name, d)
		}
		want := ValidateRequest(tc.r)
		if d := cmp.Diff(wantsOf(want), wantsOf(got)); d != "" {
			t.Errorf("%s: %s\n(-request +document):\n%s", tc.name, data, d)
		}
	}
}

// readerCases returns, for op, documents that break each reading rule.
func readerCases(op Operation) []string {
	member := "InstanceId"
	if op == OperationTagResource || op == OperationUntagResource {
		member = "resourceArn"
	}
	deep := strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1)
	many := strings.Repeat(`"Nope":1,`, MaxReadingViolations+1)
	return []string{
		`{`, `[]`, `{"Nope":1}`,
		fmt.Sprintf(`{%q:"a",%q:"b"}`, member, member),
		fmt.Sprintf(`{%q:"a\xff"}`, member),
		`{"Nope":` + deep + `}`,
		`{` + many + `"Nope":1}`,
		strings.Repeat(" ", DefaultMaxDocumentSize+1),
	}
}

// TestCatalogCoverageOperations checks that every row is produced, for
// each update operation it names, by some request or document of that
// operation: the CreateUser rule cases seen as updates, the updates' own
// cases and the reading cases.
func TestCatalogCoverageOperations(t *testing.T) {
	produced := make(map[string]opSet)
	note := func(op opSet, l cuerrors.List) {
		for _, v := range l {
			produced[v.Rule] |= op
		}
	}
	for _, table := range ruleTables {
		for _, tc := range table {
			for _, col := range ruleColumns {
				in := col.base()
				if tc.mutate != nil {
					tc.mutate(in)
				}
				v := NewValidator(WithIdentityManagement(col.typ))
				for _, op := range updateOps {
					note(op, v.ValidateRequest(project(op, in)))
				}
			}
		}
	}
	for _, tc := range updateCases {
		note(opSet(1)<<tc.r.Operation().ordinal(), ValidateRequest(tc.r))
	}
	// The updates' own identifiers, every way they break, in every update.
	for _, op := range updateOps {
		for _, id := range []string{"", "..", "u\xff", "arn:aws:connect:r:1:instance/i", "x"} {
			x := extras{userID: id, resourceARN: id}
			note(op, ValidateRequest(requestOf(op, minimalRequest(), &x)))
		}
	}
	many := minimalRequest()
	many.Tags = make(map[string]string)
	for _, k := range keys(MaxCheckedTags + 1) {
		many.Tags[k] = "v"
	}
	note(opTagResource, ValidateRequest(project(opTagResource, many)))
	for _, op := range updateOps {
		for _, doc := range append(readerCases(operations[op.bit()]), updateDocs[op]...) {
			_, l := ValidateOperationDocument(operations[op.bit()], []byte(doc))
			note(op, l)
		}
	}
	for i := range catalog {
		row := &catalog[i]
		for _, op := range updateOps {
			if ruleOperations[i]&op != 0 && produced[row.ID]&op == 0 {
				t.Errorf("rule %s names %s but no case of it produces it", row.ID, operations[op.bit()])
			}
			if ruleOperations[i]&op == 0 && produced[row.ID]&op != 0 {
				t.Errorf("rule %s does not name %s but a case of it produces it", row.ID, operations[op.bit()])
			}
		}
	}
}

// updateDocs are documents of the rows only a document produces.
var updateDocs = map[opSet][]string{
	opConfig:      {`{"InstanceId":"i-1","UserId":"u-1","AutoAcceptConfigs":[null]}`},
	opTagResource: {`{"resourceArn":"x","tags":{"k":"1","k":"2"}}`},
}
