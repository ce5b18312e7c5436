// openapi-validator checks an OpenAPI 3.0 document with kin-openapi (Debian's
// golang-github-getkin-kin-openapi-dev), an implementation independent of the one
// that generated it, and prints its operations as JSON: ["GET /api/v1/me", ...].
//
// Usage: openapi-validator <document.json>
// Exit codes: 0 valid, 1 invalid or unreadable, 64 bad command line.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: openapi-validator <document.json>")
		os.Exit(64)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(os.Args[1])
	if err != nil {
		fail("cannot load the document: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		fail("the document is not valid OpenAPI 3.0: %v", err)
	}
	operations := []string{}
	for path, item := range doc.Paths {
		for method := range item.Operations() {
			operations = append(operations, strings.ToUpper(method)+" "+path)
		}
	}
	sort.Strings(operations)
	if err := json.NewEncoder(os.Stdout).Encode(operations); err != nil {
		fail("cannot write the operations: %v", err)
	}
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}
