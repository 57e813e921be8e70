package user_test

import (
	"fmt"
	"strings"

	"github.com/connectkit/createuser/user"
)

// A document from an untrusted source is read within a size limit: 1 MiB
// unless WithMaxDocumentSize says otherwise. A document over the limit is
// not read at all.
func ExampleWithMaxDocumentSize() {
	doc := []byte(`{"InstanceId":"40c83b68-ea62-414c-97bb-d018e39e158e","Username":"` + strings.Repeat("m", 4096) + `"}`)

	in, violations := user.ValidateDocument(doc, user.WithMaxDocumentSize(1024))
	fmt.Println(in == nil, violations[0].Field, violations[0].Code, violations[0].Rule)

	// Within the limit, every rule is checked; a long value is cut in the
	// report.
	_, violations = user.ValidateDocument(doc, user.WithMaxDocumentSize(64<<10))
	fmt.Println(violations[0].Field, violations[0].Code, violations[0].Value.Truncated())
	// Output:
	// true  length document.size
	// Username length true
}
