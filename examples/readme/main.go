// Command readme runs the Go snippets of the README, which are held equal
// to the marked regions of this package's files by the module's
// readme_test.go: what the README shows compiles and runs.
//
//	go run ./examples/readme
package main

import (
	"context"
	"fmt"
	"os"
)

func main() {
	in, err := createMary()
	fmt.Println("createMary:", in != nil, err != nil)
	if _, err := checkDocument([]byte(`{"InstanceId":"40c83b68-ea62-414c-97bb-d018e39e158e"}`)); err == nil {
		fmt.Fprintln(os.Stderr, "readme: an incomplete document passed")
		os.Exit(1)
	}
	routing, stopped, err := moveMary(context.Background())
	if err != nil || routing != lifecycleSales {
		fmt.Fprintln(os.Stderr, "readme: Mary did not move to Sales:", err)
		os.Exit(1)
	}
	fmt.Println("moveMary: stopped", len(stopped), "then moved to", routing)
}
