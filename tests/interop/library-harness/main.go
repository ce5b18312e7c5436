// Command library-harness drives the real Singularity/Apptainer library client
// (github.com/apptainer/container-library-client, Debian's 1.2.2) against a
// library:// server, so tests can check the server against the client users run.
//
//	library-harness -url URL [-token TOKEN] <command> [args] [flags]
//
// Each command prints one JSON object on stdout. On failure the error goes to
// stderr and the exit code says what kind of failure it was (see exit*), so a
// test can tell "not found" from "refused" without parsing messages.
//
// Build (no modules; the client comes from Debian's GOPATH tree):
//
//	GO111MODULE=off GOPATH=<dir>:/usr/share/gocode go build -o library-harness .
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/apptainer/container-library-client/client"
)

const (
	exitFailed   = 1  // any other failure: refused, protocol error, unreachable
	exitNotFound = 2  // the client reported "not found" (the server answered 404)
	exitUsage    = 64 // bad command line
)

// errNotFound marks failures the client reports as "not found" without using
// client.ErrNotFound (the download calls return a plain message for a 404).
var errNotFound = errors.New("not found")

const usage = `usage: library-harness -url URL [-token TOKEN] <command> [args] [flags]

commands:
  push FILE ENTITY/COLLECTION/CONTAINER[:TAG[,TAG...]] [-arch amd64] [-description D] [-private] [-single-part]
  pull REF OUT [-arch amd64] [-concurrent N] [-part-size BYTES]
  get REF [-arch amd64]
  search TEXT [-arch ARCH] [-signed]
  delete REF [-arch amd64]
  version

REF is [library://]ENTITY/COLLECTION/CONTAINER[:TAG] (TAG defaults to latest; it may be sha256.<hex>).
Every request the client sends is logged on stderr; push and pull also list them in their output.
Exit codes: 0 ok, 1 failed, 2 not found, 64 usage.
`

func main() {
	global := flag.NewFlagSet("library-harness", flag.ContinueOnError)
	global.SetOutput(os.Stderr)
	global.Usage = func() { fmt.Fprint(os.Stderr, usage) }
	baseURL := global.String("url", "", "base URL of the library API, e.g. http://127.0.0.1:5000")
	token := global.String("token", "", "API token, sent as the client sends it (Authorization: BEARER <token>)")
	if err := global.Parse(os.Args[1:]); err != nil {
		os.Exit(exitUsage)
	}
	if *baseURL == "" || global.NArg() == 0 {
		global.Usage()
		os.Exit(exitUsage)
	}

	// Installed before the client exists: every HTTP request it makes, including
	// the unauthenticated upload and ranged-download requests that bypass its own
	// http.Client, goes through http.DefaultTransport.
	trace := installTrace()

	c, err := client.NewClient(&client.Config{
		BaseURL:   *baseURL,
		AuthToken: *token,
		UserAgent: "library-harness (container-library-client 1.2.2)",
		Logger:    stderrLogger{},
	})
	if err != nil {
		fail("client", err)
	}

	// Generous: a bound on a stuck server, not a speed assertion.
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()

	command, args := global.Arg(0), global.Args()[1:]
	env := &environment{ctx: ctx, client: c, token: *token, trace: trace}
	var result interface{}
	switch command {
	case "push":
		result, err = runPush(env, args)
	case "pull":
		result, err = runPull(env, args)
	case "get":
		result, err = runGet(env, args)
	case "search":
		result, err = runSearch(env, args)
	case "delete":
		result, err = runDelete(env, args)
	case "version":
		result, err = runVersion(env, args)
	default:
		err = usageError(fmt.Sprintf("unknown command %q", command))
	}
	if err != nil {
		fail(command, err)
	}

	out := json.NewEncoder(os.Stdout)
	out.SetEscapeHTML(false)
	if err := out.Encode(result); err != nil {
		fail(command, err)
	}
}

// environment is what every command needs.
type environment struct {
	ctx    context.Context
	client *client.Client
	token  string
	trace  *requestTrace
}

// usageError is a command-line mistake rather than a failure of the server.
type usageError string

func (e usageError) Error() string { return string(e) }

func fail(command string, err error) {
	fmt.Fprintf(os.Stderr, "library-harness %s: %v\n", command, err)
	var usageErr usageError
	switch {
	case errors.As(err, &usageErr):
		fmt.Fprint(os.Stderr, usage)
		os.Exit(exitUsage)
	case errors.Is(err, client.ErrNotFound), errors.Is(err, errNotFound):
		os.Exit(exitNotFound)
	default:
		os.Exit(exitFailed)
	}
}

// stderrLogger shows the client's own log lines ("Attempting to use multipart
// uploader", "reverting to single stream", ...), which explain what path it took.
type stderrLogger struct{}

func (stderrLogger) Log(v ...interface{}) {
	fmt.Fprintln(os.Stderr, append([]interface{}{"client:"}, v...)...)
}

func (stderrLogger) Logf(format string, v ...interface{}) {
	fmt.Fprintf(os.Stderr, "client: "+format+"\n", v...)
}

// parseInterleaved parses flags that may come before, between or after the
// positional arguments (Go's flag package stops at the first positional).
func parseInterleaved(fs *flag.FlagSet, args []string, positional int) ([]string, error) {
	fs.SetOutput(os.Stderr)
	var found []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError(err.Error())
		}
		if fs.NArg() == 0 {
			break
		}
		found = append(found, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(found) != positional {
		return nil, usageError(fmt.Sprintf("%s takes %d argument(s), got %d: %s", fs.Name(), positional, len(found), strings.Join(found, " ")))
	}
	return found, nil
}

// isNotFoundStatus reports whether a download failed because the server answered 404;
// DownloadImage and ConcurrentDownloadImage say so only in their message.
func isNotFoundStatus(err error) bool {
	return err != nil && strings.Contains(err.Error(), "was not found in the library")
}
