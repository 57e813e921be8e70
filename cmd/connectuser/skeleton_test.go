package main

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// wireMembers lists the JSON member paths of t, recursively, as
// "PhoneConfig.AutoAccept" and "AutoAcceptConfigs[].Channel"; a map is
// "Tags{}".
func wireMembers(t reflect.Type, prefix string, out *[]string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		path := prefix + name
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch ft.Kind() {
		case reflect.Struct:
			*out = append(*out, path)
			wireMembers(ft, path+".", out)
		case reflect.Slice:
			*out = append(*out, path+"[]")
			if e := ft.Elem(); e.Kind() == reflect.Struct {
				wireMembers(e, path+"[].", out)
			}
		case reflect.Map:
			*out = append(*out, path+"{}")
		default:
			*out = append(*out, path)
		}
	}
}

// jsonMembers lists the member paths of a decoded JSON value, as
// wireMembers does; Tags is a map whatever its keys.
func jsonMembers(v any, prefix string, out *[]string) {
	obj, ok := v.(map[string]any)
	if !ok {
		return
	}
	for name, m := range obj {
		path := prefix + name
		switch m := m.(type) {
		case map[string]any:
			if name == "Tags" || name == "tags" { // a map whatever its keys
				*out = append(*out, path+"{}")
				continue
			}
			*out = append(*out, path)
			jsonMembers(m, path+".", out)
		case []any:
			*out = append(*out, path+"[]")
			for _, e := range m {
				jsonMembers(e, path+"[].", out)
			}
		default:
			*out = append(*out, path)
		}
	}
}

// TestSkeleton holds the template to the request type: valid JSON, every
// member of user.CreateUserInput and nothing else, and nothing that the
// document reader rejects as such (syntax, type, unknown, duplicate).
func TestSkeleton(t *testing.T) {
	var doc any
	if err := json.Unmarshal([]byte(skeleton), &doc); err != nil {
		t.Fatalf("the skeleton is not JSON: %v", err)
	}
	var want, got []string
	wireMembers(reflect.TypeFor[user.CreateUserInput](), "", &want)
	jsonMembers(doc, "", &got)
	sort.Strings(want)
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("skeleton members (-request type +skeleton):\n%s", diff)
	}
	for _, m := range []string{"AutoAcceptConfigs[]", "AfterContactWorkConfigs[]", "PhoneNumberConfigs[]", "PersistentConnectionConfigs[]", "VoiceEnhancementConfigs[]", "Tags{}", "InstanceId"} {
		if !strings.Contains(strings.Join(got, " "), m) {
			t.Errorf("the skeleton has no %s", m)
		}
	}
	_, list := user.Decode([]byte(skeleton))
	reading := list.Filter(func(v *cuerrors.Violation) bool {
		switch v.Code {
		case cuerrors.CodeSyntax, cuerrors.CodeType, cuerrors.CodeUnknown, cuerrors.CodeDuplicate:
			return true
		}
		return false
	})
	if len(reading) > 0 {
		t.Errorf("the document reader rejects the skeleton: %v", reading)
	}
	res := runBinary(t, "", nil, "skeleton")
	if res.stdout != skeleton || res.code != exitOK {
		t.Errorf("connectuser skeleton: exit status %d, output:\n%s", res.code, res.stdout)
	}
}
