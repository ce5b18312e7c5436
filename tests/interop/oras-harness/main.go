// Command oras-harness pushes and pulls SIF images as oras:// artifacts the way
// Singularity 3.x does, with the ORAS Go library it uses (Debian's oras-go 1.1.1,
// the old oras.land/oras-go/pkg API) and containerd's docker resolver, so tests
// can check a registry against the client users run.
//
//	oras-harness [-username U] [-password P] push FILE.sif HOST:PORT/REPO[:TAG]
//	oras-harness [-username U] [-password P] pull HOST:PORT/REPO[:TAG] OUT.sif
//
// Credentials come from the flags or, when a flag is empty, from ORAS_USERNAME
// and ORAS_PASSWORD (a password or an API token); with none the client is
// anonymous. The registry is spoken to over plain HTTP.
//
// Each command prints one JSON object on stdout. On failure the error goes to
// stderr and the exit code says what kind of failure it was (see exit*).
//
// Build (no modules; the libraries come from Debian's GOPATH tree):
//
//	GO111MODULE=off GOPATH=<dir>:/usr/share/gocode go build -o oras-harness .
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/containerd/containerd/errdefs"
)

const (
	exitFailed   = 1  // any other failure: refused, protocol error, unreachable
	exitNotFound = 2  // the registry answered that the reference does not exist
	exitUsage    = 64 // bad command line
)

const usage = `usage: oras-harness [-username U] [-password P] <command> [args]

commands:
  push FILE.sif HOST:PORT/REPO[:TAG]   prints {"manifestDigest","configDigest","layerDigest","size"}
  pull HOST:PORT/REPO[:TAG] OUT.sif    prints {"manifestDigest","layerDigest","sha256","size"}

TAG defaults to latest. Credentials default to $ORAS_USERNAME and $ORAS_PASSWORD.
Every request the client sends is logged on stderr.
Exit codes: 0 ok, 1 failed, 2 not found, 64 usage.
`

func main() {
	global := flag.NewFlagSet("oras-harness", flag.ContinueOnError)
	global.SetOutput(os.Stderr)
	global.Usage = func() { fmt.Fprint(os.Stderr, usage) }
	username := global.String("username", os.Getenv("ORAS_USERNAME"), "user name")
	password := global.String("password", os.Getenv("ORAS_PASSWORD"), "password or API token")
	if err := global.Parse(os.Args[1:]); err != nil {
		os.Exit(exitUsage)
	}
	if global.NArg() != 3 {
		global.Usage()
		os.Exit(exitUsage)
	}

	installTrace()
	// Generous: a bound on a stuck registry, not a speed assertion.
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()

	command, args := global.Arg(0), global.Args()[1:]
	registry := newRegistry(*username, *password)
	var result interface{}
	var err error
	switch command {
	case "push":
		result, err = runPush(ctx, registry, args[0], args[1])
	case "pull":
		result, err = runPull(ctx, registry, args[0], args[1])
	default:
		fmt.Fprintf(os.Stderr, "oras-harness: unknown command %q\n", command)
		global.Usage()
		os.Exit(exitUsage)
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

func fail(command string, err error) {
	fmt.Fprintf(os.Stderr, "oras-harness %s: %v\n", command, err)
	if errors.Is(err, errdefs.ErrNotFound) {
		os.Exit(exitNotFound)
	}
	os.Exit(exitFailed)
}
