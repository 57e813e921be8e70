package user

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/prop"
	"github.com/santhosh-tekuri/jsonschema/v6"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// compiledSchema compiles JSONSchema with the draft it names, asserting
// formats.
func compiledSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(SchemaID)
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

// schemaAccepts returns nil when the schema accepts doc.
func schemaAccepts(s *jsonschema.Schema, doc []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}

// validUnder returns the identity types under which doc has no error.
func validUnder(doc []byte) []identity.Type {
	var types []identity.Type
	for _, t := range append(identity.Types(), identity.Unknown) {
		if _, list := ValidateDocument(doc, WithIdentityManagement(t)); !list.HasErrors() {
			types = append(types, t)
		}
	}
	return types
}

// exampleDocs returns every document of examples/documents, a JSON Lines
// file's line by line, by name.
func exampleDocs(t *testing.T) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob("../examples/documents/*")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no example documents: %v", err)
	}
	docs := map[string][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(p, ".jsonl") {
			docs[filepath.Base(p)] = data
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		for n := 1; sc.Scan(); n++ {
			if strings.TrimSpace(sc.Text()) != "" {
				docs[fmt.Sprintf("%s:%d", filepath.Base(p), n)] = bytes.Clone(sc.Bytes())
			}
		}
	}
	return docs
}

// Every example document that is valid under some identity type is valid
// under the schema; and the many-violations example is not.
func TestSchemaExamples(t *testing.T) {
	s := compiledSchema(t)
	valid := 0
	for name, doc := range exampleDocs(t) {
		err := schemaAccepts(s, doc)
		if types := validUnder(doc); len(types) > 0 {
			valid++
			if err != nil {
				t.Errorf("%s (valid under %v) is rejected by the schema: %v", name, types, err)
			}
		} else if strings.HasPrefix(name, "many-violations") && err == nil {
			t.Errorf("%s is accepted by the schema", name)
		}
	}
	if valid < 3 {
		t.Errorf("only %d valid example documents", valid)
	}
}

// schemaCases is the number of generated valid requests checked against
// the schema: a few thousand, or more when the property flags ask.
func schemaCases(t *testing.T) int { return max(propCases(t), 3000) }

// Generated valid requests, under every identity type, are valid under
// the schema.
func TestSchemaAcceptsValidRequests(t *testing.T) {
	s := compiledSchema(t)
	seed, n := propSeed(t), schemaCases(t)
	params := gopter.DefaultTestParametersWithSeed(seed)
	params.MinSuccessfulTests = n
	params.Workers = 1
	t.Logf("gopter seed %d, %d cases; replay with: go test ./user/ -run '^%s$' -gopter.seed=%d -gopter.n=%d", seed, n, t.Name(), seed, n)
	props := gopter.NewProperties(params)
	props.Property("valid requests are valid under the schema", prop.ForAll(func(c propValidCase) string {
		doc, err := json.Marshal(c.In)
		if err != nil {
			return "schema: " + err.Error()
		}
		if _, list := ValidateDocument(doc, WithIdentityManagement(c.Identity)); list.HasErrors() {
			return fmt.Sprintf("schema: the generated request has errors under %v: %s", c.Identity, propSummary(list))
		}
		if err := schemaAccepts(s, doc); err != nil {
			return fmt.Sprintf("schema: a request valid under %v is rejected: %v\n%s", c.Identity, err, doc)
		}
		return ""
	}, propValidCaseGen()))
	propRun(t, props)
}

// wrongValues are values of every JSON type, to put where another type is
// expected. (60.0 is missing on purpose: JSON Schema reads it as the
// integer 60; see JSONSchema.)
var wrongValues = []any{"text", 42.0, 1.5, -7.0, true, false, []any{}, []any{"x"}, map[string]any{}, map[string]any{"Channel": "VOICE"}}

// mutations returns doc with each member and list element in turn given
// each of wrongValues, and with an unknown member added to each object,
// keyed by a description.
func mutations(t *testing.T, doc []byte) map[string][]byte {
	t.Helper()
	var root map[string]any
	if err := json.Unmarshal(doc, &root); err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	emit := func(what string) {
		b, err := json.Marshal(root)
		if err != nil {
			t.Fatal(err)
		}
		out[what] = b
	}
	var walk func(v any, where string)
	walk = func(v any, where string) {
		switch v := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			v["Unknwon"] = 1
			emit(where + " + unknown member")
			delete(v, "Unknwon")
			for _, k := range keys {
				old := v[k]
				for i, w := range wrongValues {
					v[k] = w
					emit(fmt.Sprintf("%s.%s = wrong value %d", where, k, i))
				}
				v[k] = old
				walk(old, where+"."+k)
			}
		case []any:
			for i, old := range v {
				for j, w := range wrongValues {
					v[i] = w
					emit(fmt.Sprintf("%s[%d] = wrong value %d", where, i, j))
				}
				v[i] = old
				walk(old, fmt.Sprintf("%s[%d]", where, i))
			}
		}
	}
	walk(root, "")
	return out
}

// Each document that the reader reports an unknown member or a wrong JSON
// type for is rejected by the schema: every member and element of the
// valid examples and of a full request, given a value of each wrong type
// or an unknown neighbour.
func TestSchemaRejectsUnknownAndType(t *testing.T) {
	s := compiledSchema(t)
	full, err := json.Marshal(fullRequestWithPhone())
	if err != nil {
		t.Fatal(err)
	}
	bases := map[string][]byte{"full request": full}
	for name, doc := range exampleDocs(t) {
		if len(validUnder(doc)) > 0 {
			bases[name] = doc
		}
	}
	checked := 0
	for base, doc := range bases {
		for what, m := range mutations(t, doc) {
			_, list := ValidateDocument(m)
			if !slices.ContainsFunc(list, func(v cuerrors.Violation) bool {
				return v.Code == cuerrors.CodeUnknown || v.Code == cuerrors.CodeType
			}) {
				continue
			}
			checked++
			if schemaAccepts(s, m) == nil {
				t.Errorf("%s, %s: the reader reports %v, the schema accepts it", base, what, cuerrors.Wants(list))
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d documents with unknown or type violations checked", checked)
	}
	t.Logf("%d documents with unknown members or wrong types, all rejected", checked)
}

// The schema is the draft 2020-12 meta-schema's, names itself and says
// what it cannot check.
func TestSchemaHeader(t *testing.T) {
	var head struct {
		Schema, ID, Description string
	}
	raw := map[string]json.RawMessage{}
	if err := json.Unmarshal(JSONSchema(), &raw); err != nil {
		t.Fatal(err)
	}
	_ = json.Unmarshal(raw["$schema"], &head.Schema)
	_ = json.Unmarshal(raw["$id"], &head.ID)
	_ = json.Unmarshal(raw["description"], &head.Description)
	if head.Schema != "https://json-schema.org/draft/2020-12/schema" || head.ID != SchemaID {
		t.Errorf("$schema %q, $id %q", head.Schema, head.ID)
	}
	for _, out := range []string{"identity management type", "conflicts"} {
		if !strings.Contains(head.Description, out) {
			t.Errorf("the description does not say that %s is out of reach", out)
		}
	}
}

// The schema's Password pattern agrees with the catalog's on every
// Unicode white space character and on a few that are not.
func TestSchemaPasswordWhiteSpace(t *testing.T) {
	s := compiledSchema(t)
	base := map[string]any{"InstanceId": "i", "Username": "u", "SecurityProfileIds": []string{"p"}, "RoutingProfileId": "r"}
	for r := rune(0); r <= 0x3000; r++ {
		if !unicode.Is(unicode.White_Space, r) && r != 'x' && r != 0x200b && r != 0x180e && r != '\u00a1' {
			continue
		}
		pw := "Passw0rd" + string(r)
		base["Password"] = pw
		doc, err := json.Marshal(base)
		if err != nil {
			t.Fatal(err)
		}
		_, list := ValidateDocument(doc)
		catalogSays := !slices.ContainsFunc(list, func(v cuerrors.Violation) bool { return v.Rule == "password.pattern" })
		if schemaSays := schemaAccepts(s, doc) == nil; schemaSays != catalogSays {
			t.Errorf("password with %U: the schema accepts it: %v, the catalog: %v", r, schemaSays, catalogSays)
		}
	}
}
