package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
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
	// refuseMultipart answers POST …/_multipart with 404 without sending it (push -single-part):
	// the client then uploads in one part, as it does to a server without multipart.
	refuseMultipart bool
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
	if t.refuseMultipart && req.Method == http.MethodPost && strings.HasSuffix(entry.Path, "/_multipart") {
		if req.Body != nil {
			req.Body.Close()
		}
		entry.Status = http.StatusNotFound
		t.record(entry, nil)
		return &http.Response{
			Status:     "404 Not Found",
			StatusCode: http.StatusNotFound,
			Proto:      "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
			Header:  http.Header{"Content-Type": {"application/json"}},
			Body:    io.NopCloser(strings.NewReader(`{"error":{"code":404,"message":"multipart refused by library-harness -single-part"}}`)),
			Request: req,
		}, nil
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
