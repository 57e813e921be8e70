package user

import (
	"strconv"
	"strings"
	"testing"

	cuerrors "github.com/connectkit/createuser/errors"
)

// SPEC section 4, "Top level": Tags. A key's violations are reported at
// Tags with the key as the value; a value's at Tags[key]. A key repeated
// in one document is the reader's to find (a Go map cannot hold it).

func TestTagRules(t *testing.T) { runRuleCases(t, tagCases) }

// tagsOf returns n distinct valid tags.
func tagsOf(n int) map[string]string {
	m := make(map[string]string, n)
	for i := range n {
		m["team-"+strconv.Itoa(i)] = "value " + strconv.Itoa(i)
	}
	return m
}

func setTags(m map[string]string) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.Tags = m }
}

// setTag returns a mutation that sets the one tag key: value.
func setTag(key, value string) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.Tags = map[string]string{key: value} }
}

// tagKeyCase is a case of one tag whose key breaks the codes given (none
// for a valid key), each reported at Tags with the key as the value.
func tagKeyCase(name, key string, codes ...cuerrors.Code) ruleCase {
	tc := ruleCase{name: name, mutate: setTag(key, "v")}
	var want []cuerrors.Want
	for _, c := range codes {
		want = append(want, ve("Tags", c))
		tc.detail = append(tc.detail, ruleDetail{field: "Tags", code: c, value: key})
	}
	tc.want = everyType(want...)
	return tc
}

var tagCases = []ruleCase{
	// Count: 1 to 50 when present; an empty object is present.
	{name: "Tags absent passes", mutate: setTags(nil), want: everyType()},
	{name: "Tags empty object is too few", mutate: setTags(map[string]string{}),
		want:   everyType(ve("Tags", cuerrors.CodeCount)),
		detail: []ruleDetail{{field: "Tags", code: cuerrors.CodeCount, value: int64(0)}}},
	{name: "Tags of 1 passes", mutate: setTags(tagsOf(1)), want: everyType()},
	{name: "Tags of 50 passes", mutate: setTags(tagsOf(50)), want: everyType()},
	{name: "Tags of 51 is too many", mutate: setTags(tagsOf(51)),
		want:   everyType(ve("Tags", cuerrors.CodeCount)),
		detail: []ruleDetail{{field: "Tags", code: cuerrors.CodeCount, value: int64(51)}}},
	{name: "Tags of 51 with a reserved key", mutate: func(in *CreateUserInput) {
		in.Tags = tagsOf(50)
		in.Tags["aws:team"] = "x"
	},
		want: everyType(ve("Tags", cuerrors.CodeCount), ve("Tags", cuerrors.CodeReserved))},

	// Key length: 1 to 128 code points.
	tagKeyCase("Tag key of 128 characters passes", strings.Repeat("k", 128)),
	tagKeyCase("Tag key of 129 characters is too long", strings.Repeat("k", 129), cuerrors.CodeLength),
	tagKeyCase("Tag key of 128 two-byte code points passes", strings.Repeat("ß", 128)),
	tagKeyCase("Tag key of 129 two-byte code points is too long", strings.Repeat("ß", 129), cuerrors.CodeLength),
	tagKeyCase("Tag key empty is too short", "", cuerrors.CodeLength),
	tagKeyCase("Tag key of 1 character passes", "k"),

	// Reserved prefix aws:, in any letter case.
	tagKeyCase("Tag key aws: is reserved", "aws:team", cuerrors.CodeReserved),
	tagKeyCase("Tag key AWS: is reserved", "AWS:team", cuerrors.CodeReserved),
	tagKeyCase("Tag key aWs: is reserved", "aWs:Team", cuerrors.CodeReserved),
	tagKeyCase("Tag key aws: alone is reserved", "aws:", cuerrors.CodeReserved),
	tagKeyCase("Tag key aws without a colon passes", "aws"),
	tagKeyCase("Tag key awsteam passes", "awsteam:x"),
	tagKeyCase("Tag key with aws: inside passes", "team:aws:x"),
	tagKeyCase("Tag key reserved and too long", "aws:"+strings.Repeat("k", 125), cuerrors.CodeLength, cuerrors.CodeReserved),

	// Characters: Unicode L, N, Z and _ . : / = + - @.
	tagKeyCase("Tag key with every allowed ASCII symbol passes", "a_b.c:d/e=f+g-h@i j"),
	tagKeyCase("Tag key of non-ASCII letters passes", "größe-日本語"),
	tagKeyCase("Tag key with other numbers passes", "²Ⅻ٣"),
	tagKeyCase("Tag key with an ideographic space U+3000 passes", "team\u3000name"),
	tagKeyCase("Tag key with a precomposed é passes", "café"),
	tagKeyCase("Tag key with a tab", "team\tname", cuerrors.CodePattern),
	tagKeyCase("Tag key with a new line", "team\nname", cuerrors.CodePattern),
	tagKeyCase("Tag key with a combining mark U+0301", "cafe\u0301", cuerrors.CodePattern),
	tagKeyCase("Tag key with #", "team#1", cuerrors.CodePattern),
	tagKeyCase("Tag key with !", "team!", cuerrors.CodePattern),
	tagKeyCase("Tag key with an emoji", "team🙂", cuerrors.CodePattern),
	tagKeyCase("Tag key reserved with a tab", "aws:\tx", cuerrors.CodeReserved, cuerrors.CodePattern),

	// Values: at most 256 code points; empty is fine.
	{name: "Tag value empty passes", mutate: setTag("team", ""), want: everyType()},
	{name: "Tag value of 256 characters passes", mutate: setTag("team", strings.Repeat("v", 256)), want: everyType()},
	{name: "Tag value of 257 characters is too long", mutate: setTag("team", strings.Repeat("v", 257)),
		want:   everyType(ve("Tags[team]", cuerrors.CodeLength)),
		detail: []ruleDetail{{field: "Tags[team]", code: cuerrors.CodeLength, value: strings.Repeat("v", 257)}}},
	{name: "Tag value of 256 three-byte code points passes", mutate: setTag("team", strings.Repeat("値", 256)), want: everyType()},
	{name: "Tag value of 257 three-byte code points is too long", mutate: setTag("team", strings.Repeat("値", 257)),
		want: everyType(ve("Tags[team]", cuerrors.CodeLength))},
	{name: "Tag value too long under a bad key", mutate: setTag("aws:team", strings.Repeat("v", 257)),
		want: everyType(ve("Tags", cuerrors.CodeReserved), ve("Tags[aws:team]", cuerrors.CodeLength))},
	{name: "Tags with several bad entries", mutate: setTags(map[string]string{
		"aws:a": "x", "b\tc": "y", "ok": strings.Repeat("v", 257), "fine": "z",
	}),
		want: everyType(ve("Tags", cuerrors.CodeReserved), ve("Tags", cuerrors.CodePattern), ve("Tags[ok]", cuerrors.CodeLength)),
		detail: []ruleDetail{
			{field: "Tags", code: cuerrors.CodeReserved, value: "aws:a"},
			{field: "Tags", code: cuerrors.CodePattern, value: "b\tc"},
		}},
}
