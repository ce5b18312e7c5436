package main

import (
	"fmt"
	"net/http"
	"os"
)

// tracingTransport logs every exchange on stderr, so a failing test shows which
// request the registry refused (a token fetch, an upload POST, a manifest PUT).
type tracingTransport struct {
	inner http.RoundTripper
}

// installTrace wraps http.DefaultTransport, which the resolver's client and its
// token fetches both use.
func installTrace() {
	http.DefaultTransport = tracingTransport{inner: http.DefaultTransport}
}

func (t tracingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := t.inner.RoundTrip(req)
	line := fmt.Sprintf("http: %s %s", req.Method, req.URL.RequestURI())
	if req.Header.Get("Authorization") != "" {
		line += " [authorized]"
	}
	if err != nil {
		line += fmt.Sprintf(" -> error: %v", err)
	} else {
		line += fmt.Sprintf(" -> %d", res.StatusCode)
	}
	fmt.Fprintln(os.Stderr, line)
	return res, err
}
