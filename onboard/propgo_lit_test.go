package onboard_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
)

// TestGoLiteral: a counterexample prints as Go source that compiles to
// the same value: parsed with go/parser as an expression and built back
// (fromLiteral), it equals the value, for fixed cases and for cases the
// properties' generators make.
func TestGoLiteral(t *testing.T) {
	fixed := []struct {
		name string
		v    any
		want string
	}{
		{"scenario", scenario{Instance: []seedUser{{N: 3, Team: "north", Managed: true}}, FaultSeed: 7, Cancel: []int{0, 2}},
			"scenario{\n\tInstance: []seedUser{\n\t\tseedUser{\n\t\t\tN: 3,\n\t\t\tTeam: \"north\",\n\t\t\tManaged: true,\n\t\t},\n\t},\n\tFaultSeed: 7,\n\tCancel: []int{0, 2},\n}"},
		{"empty", scenario{}, "scenario{}"},
		{"users", []seedUser{{}, {ACW: 30}}, "[]seedUser{\n\tseedUser{},\n\tseedUser{\n\t\tACW: 30,\n\t},\n}"},
		{"map", map[string]int{"b": 2, "a": 1}, `map[string]int{"a": 1, "b": 2}`},
		{"quoted", desiredUser{Email: "a\"b@example.com"}, "desiredUser{\n\tEmail: \"a\\\"b@example.com\",\n}"},
	}
	for _, tc := range fixed {
		t.Run(tc.name, func(t *testing.T) {
			got := goLiteral(tc.v)
			if got != tc.want {
				t.Errorf("goLiteral = %s, want %s", got, tc.want)
			}
			roundTrip(t, tc.v, got)
		})
	}
	seed := time.Now().UnixNano()
	if s := os.Getenv("CREATEUSER_PROPERTY_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	t.Logf("seed %d; replay with: CREATEUSER_PROPERTY_SEED=%d go test ./onboard/ -run '^%s$'", seed, seed, t.Name())
	params := gopter.DefaultGenParameters()
	params.Rng.Seed(seed)
	for i := range 50 {
		for _, g := range []gopter.Gen{scenarioGen(), gen.SliceOfN(10, seedUserGen())} {
			v, ok := g(params).Retrieve()
			if !ok {
				t.Fatalf("case %d: the generator gave nothing", i)
			}
			roundTrip(t, v, goLiteral(v))
		}
	}
}

// roundTrip fails unless lit parses as a Go expression that builds back
// to v.
func roundTrip(t *testing.T, v any, lit string) {
	t.Helper()
	expr, err := parser.ParseExpr(lit)
	if err != nil {
		t.Fatalf("%s\ndoes not parse as Go: %v", lit, err)
	}
	back, err := fromLiteral(expr, reflect.TypeOf(v))
	if err != nil {
		t.Fatalf("%s\n: %v", lit, err)
	}
	if d := cmp.Diff(v, back.Interface(), cmp.AllowUnexported()); d != "" {
		t.Fatalf("%s\nbuilds another value (-printed +built):\n%s", lit, d)
	}
}

// fromLiteral builds the value of type typ that the literal expr
// denotes: composite literals of structs (keyed), slices and maps,
// strings, integers, true and false, and nil.
func fromLiteral(expr ast.Expr, typ reflect.Type) (reflect.Value, error) {
	v := reflect.New(typ).Elem()
	switch e := expr.(type) {
	case *ast.Ident:
		switch {
		case e.Name == "nil":
			return v, nil
		case typ.Kind() == reflect.Bool && (e.Name == "true" || e.Name == "false"):
			v.SetBool(e.Name == "true")
			return v, nil
		}
	case *ast.BasicLit:
		switch {
		case e.Kind == token.STRING && typ.Kind() == reflect.String:
			s, err := strconv.Unquote(e.Value)
			v.SetString(s)
			return v, err
		case e.Kind == token.INT && v.CanInt():
			n, err := strconv.ParseInt(e.Value, 10, 64)
			v.SetInt(n)
			return v, err
		}
	case *ast.CompositeLit:
		if e.Type != nil && types(e.Type) != goType(typ) {
			return v, fmt.Errorf("a %s literal for a %s", types(e.Type), goType(typ))
		}
		switch typ.Kind() {
		case reflect.Struct:
			for _, el := range e.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				key, _ := kv.Key.(*ast.Ident)
				if !ok || key == nil {
					return v, fmt.Errorf("a field without its name")
				}
				f, ok := typ.FieldByName(key.Name)
				if !ok {
					return v, fmt.Errorf("no field %s in %s", key.Name, typ)
				}
				fv, err := fromLiteral(kv.Value, f.Type)
				if err != nil {
					return v, err
				}
				v.FieldByIndex(f.Index).Set(fv)
			}
			return v, nil
		case reflect.Slice:
			v.Set(reflect.MakeSlice(typ, 0, len(e.Elts)))
			for _, el := range e.Elts {
				ev, err := fromLiteral(el, typ.Elem())
				if err != nil {
					return v, err
				}
				v.Set(reflect.Append(v, ev))
			}
			return v, nil
		case reflect.Map:
			v.Set(reflect.MakeMap(typ))
			for _, el := range e.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					return v, fmt.Errorf("a map element without its key")
				}
				k, err := fromLiteral(kv.Key, typ.Key())
				if err != nil {
					return v, err
				}
				ev, err := fromLiteral(kv.Value, typ.Elem())
				if err != nil {
					return v, err
				}
				v.SetMapIndex(k, ev)
			}
			return v, nil
		}
	}
	return v, fmt.Errorf("%T is not a literal of %s", expr, typ)
}

// types renders a type expression as reflect.Type.String does.
func types(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.ArrayType:
		return "[]" + types(e.Elt)
	case *ast.MapType:
		return "map[" + types(e.Key) + "]" + types(e.Value)
	}
	return fmt.Sprintf("%T", e)
}
