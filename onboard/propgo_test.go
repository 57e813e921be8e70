package onboard_test

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
)

// The properties of this package report as package user's do: a failure
// names the violated property (the label) and prints the shrunk
// counterexample, and the case as generated, as Go literals, ready to
// paste as a table case. (Package user's helper lives in its own tests;
// this is the smallest equivalent, for the kinds the generators here
// make: structs, slices, maps, strings, booleans and integers.)

// propReporter reports a gopter result through t.
type propReporter struct{ t *testing.T }

func (r propReporter) ReportTestResult(name string, res *gopter.TestResult) {
	r.t.Helper()
	if res.Passed() {
		r.t.Logf("+ %s: passed %d cases", name, res.Succeeded)
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "! %s: %v after %d passed cases\n", name, res.Status, res.Succeeded)
	for _, l := range res.Labels {
		fmt.Fprintf(&b, "violated: %s\n", l)
	}
	if res.Error != nil {
		fmt.Fprintf(&b, "error: %v\n", res.Error)
	}
	for i, a := range res.Args {
		fmt.Fprintf(&b, "argument %d (after %d shrinks):\n%s\n", i, a.Shrinks, goLiteral(a.Arg))
		if a.Shrinks > 0 {
			fmt.Fprintf(&b, "argument %d as generated:\n%s\n", i, goLiteral(a.OrigArg))
		}
	}
	r.t.Error(b.String())
}

// labelled turns a property's (label, error) into a result that keeps
// the label when there is an error, so that the report names the
// violated property.
func labelled[T any](check func(T) (string, error)) func(T) *gopter.PropResult {
	return func(v T) *gopter.PropResult {
		label, err := check(v)
		switch {
		case err != nil:
			return &gopter.PropResult{Status: gopter.PropError, Error: err, Labels: []string{label}}
		case label != "":
			return &gopter.PropResult{Status: gopter.PropFalse, Labels: []string{label}}
		}
		return &gopter.PropResult{Status: gopter.PropTrue}
	}
}

// goLiteral renders v as a Go expression in this package: zero fields
// left out, map keys sorted.
func goLiteral(v any) string {
	var b strings.Builder
	goValue(&b, reflect.ValueOf(v), 0)
	return b.String()
}

func goType(t reflect.Type) string { return strings.ReplaceAll(t.String(), "onboard_test.", "") }

func goValue(b *strings.Builder, v reflect.Value, depth int) {
	indent := strings.Repeat("\t", depth)
	switch v.Kind() {
	case reflect.Struct:
		b.WriteString(goType(v.Type()) + "{")
		if v.IsZero() {
			b.WriteString("}")
			return
		}
		b.WriteString("\n")
		for i := range v.NumField() {
			if f := v.Field(i); !f.IsZero() {
				b.WriteString(indent + "\t" + v.Type().Field(i).Name + ": ")
				goValue(b, f, depth+1)
				b.WriteString(",\n")
			}
		}
		b.WriteString(indent + "}")
	case reflect.Slice:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		b.WriteString(goType(v.Type()) + "{")
		structs := v.Type().Elem().Kind() == reflect.Struct
		for i := range v.Len() {
			switch {
			case structs:
				b.WriteString("\n" + indent + "\t")
				goValue(b, v.Index(i), depth+1)
				b.WriteString(",")
			case i > 0:
				b.WriteString(", ")
				fallthrough
			default:
				goValue(b, v.Index(i), depth+1)
			}
		}
		if structs && v.Len() > 0 {
			b.WriteString("\n" + indent)
		}
		b.WriteString("}")
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		b.WriteString(goType(v.Type()) + "{")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			goValue(b, k, depth+1)
			b.WriteString(": ")
			goValue(b, v.MapIndex(k), depth+1)
		}
		b.WriteString("}")
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		b.WriteString(strconv.FormatUint(v.Uint(), 10))
	default:
		fmt.Fprintf(b, "%#v", v.Interface())
	}
}
