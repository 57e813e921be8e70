package user

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/leanovate/gopter/prop"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/connectkit/createuser/identity"
)

// compiledSchemaOf compiles JSONSchemaOf(op).
func compiledSchemaOf(t testing.TB, op Operation) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchemaOf(op)))
	if err != nil {
		t.Fatal(err)
	}
	id := doc.(map[string]any)["$id"].(string)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatalf("%s: the schema does not compile: %v", op, err)
	}
	return s
}

// TestSchemaOfOperations checks each operation's schema on the update
// cases: a request without errors is accepted, one that misses a required
// member or breaks a count is rejected; its members are the operation's.
func TestSchemaOfOperations(t *testing.T) {
	if !bytes.Equal(JSONSchemaOf(OperationCreateUser), JSONSchema()) {
		t.Error("JSONSchemaOf(CreateUser) is not JSONSchema()")
	}
	if JSONSchemaOf("Nope") != nil {
		t.Error("JSONSchemaOf of an unknown operation is not nil")
	}
	schemas := map[Operation]*jsonschema.Schema{}
	for _, op := range Operations()[1:] {
		schemas[op] = compiledSchemaOf(t, op)
		var root struct {
			ID         string         `json:"$id"`
			Properties map[string]any `json:"properties"`
		}
		if err := json.Unmarshal(JSONSchemaOf(op), &root); err != nil {
			t.Fatal(err)
		}
		if len(root.Properties) != len(op.Members()) {
			t.Errorf("%s: schema members %v, want %v", op, root.Properties, op.Members())
		}
	}
	rejected := map[string]bool{"identity info absent": true, "phone config absent": true, "phone type absent": true,
		"phone type empty": true, "config no list": true, "config empty lists": true, "routing profile empty": true,
		"security profiles 11": true, "hierarchy empty": true, "tag nothing": true, "tag empty": true,
		"tag reserved key": true, "tag value too long": true, "arn not an arn": true, "arn of another service": true,
		"untag nothing": true, "untag empty": true, "untag 51": true, "delete nothing": true}
	for _, tc := range updateCases {
		if tc.name == "delete nil" {
			continue
		}
		doc, err := json.Marshal(tc.r)
		if err != nil {
			t.Fatal(err)
		}
		err = schemaAccepts(schemas[tc.r.Operation()], doc)
		switch {
		case rejected[tc.name] && err == nil:
			t.Errorf("%s: the schema accepts %s", tc.name, doc)
		case !ValidateRequest(tc.r, WithIdentityManagement(identity.ExistingDirectory)).HasErrors() && err != nil:
			t.Errorf("%s: the schema rejects a valid request: %v\n%s", tc.name, err, doc)
		}
	}
}

// TestSchemaOfOperationsAcceptsValid is the property of
// TestSchemaAcceptsValidRequests for every update: a valid CreateUser
// request seen as the update, valid under the update's rules, is valid
// under the update's schema.
func TestSchemaOfOperationsAcceptsValid(t *testing.T) {
	schemas := map[opSet]*jsonschema.Schema{}
	for _, op := range updateOps {
		schemas[op] = compiledSchemaOf(t, operations[op.bit()])
	}
	props := propProperties(t)
	props.Property("valid updates are valid under their schema", prop.ForAll(func(c propValidCase) string {
		for _, op := range updateOps {
			r := project(op, c.In)
			if ValidateRequest(r, WithIdentityManagement(c.Identity)).HasErrors() {
				continue // UpdateUserPhoneConfig without PhoneType, UpdateUserConfig without lists, ...
			}
			doc, err := json.Marshal(r)
			if err != nil {
				return err.Error()
			}
			if err := schemaAccepts(schemas[op], doc); err != nil {
				return fmt.Sprintf("%s: a valid request is rejected: %v\n%s", operations[op.bit()], err, doc)
			}
		}
		return ""
	}, propValidCaseGen()))
	propRun(t, props)
}
