package main

import (
	"fmt"
	"net/http"
	"os"
	"sync"
)

// tracedRequest is one HTTP exchange the client made, as a test wants to see it:
// which door path was taken (v1 or v2 upload, multipart or single part, ranged
// download or a single stream) and whether credentials went along.
type tracedRequest struct {
	Method string `json:"method"`
	// Path is the escaped request path, so empty segments (v1/collections//name) stay visible.
	Path  string `json:"path"`
	Query string `json:"query,omitempty"`
	// Status is 0 when no response arrived.
	Status int    `json:"status"`
	Range  string `json:"range,omitempty"`
	// Authorized is whether an Authorization header was sent: the client sends
	// none to upload URLs and ranged-download URLs, so those must work without.
	Authorized bool `json:"authorized"`
}

// requestTrace records requests; concurrent downloads record from several goroutines.
type requestTrace struct {
	inner    http.RoundTripper
	mu       sync.Mutex
	requests []tracedRequest
}

// installTrace wraps http.DefaultTransport. The client uses http.DefaultClient
// for API calls, uploads and ranged parts, and a redirect-less http.Client with
// no Transport (so DefaultTransport too) for the first download request.
func installTrace() *requestTrace {
	t := &requestTrace{inner: http.DefaultTransport}
	http.DefaultTransport = t
	return t
}

func (t *requestTrace) RoundTrip(req *http.Request) (*http.Response, error) {
	entry := tracedRequest{
		Method:     req.Method,
		Path:       req.URL.EscapedPath(),
		Query:      req.URL.RawQuery,
		Range:      req.Header.Get("Range"),
		Authorized: req.Header.Get("Authorization") != "",
	}
	res, err := t.inner.RoundTrip(req)
	if res != nil {
		entry.Status = res.StatusCode
	}
	t.record(entry, err)
	return res, err
}

func (t *requestTrace) record(entry tracedRequest, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.requests = append(t.requests, entry)
	line := fmt.Sprintf("http: %s %s", entry.Method, entry.Path)
	if entry.Query != "" {
		line += "?" + entry.Query
	}
	if entry.Range != "" {
		line += " [Range: " + entry.Range + "]"
	}
	if err != nil {
		line += fmt.Sprintf(" -> error: %v", err)
	} else {
		line += fmt.Sprintf(" -> %d", entry.Status)
	}
	fmt.Fprintln(os.Stderr, line)
}

// snapshot returns the requests recorded so far, never nil (so JSON shows []).
func (t *requestTrace) snapshot() []tracedRequest {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]tracedRequest{}, t.requests...)
}
