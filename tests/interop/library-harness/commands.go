package main

import (
	"flag"
	"fmt"
)

// runGet prints the image as the client decoded it (client.Image re-encoded):
// fields the server sends under other names or types are absent, as for users.
func runGet(env *environment, args []string) (interface{}, error) {
	fs := flag.NewFlagSet("get", flag.ContinueOnError)
	arch := fs.String("arch", "amd64", "architecture")
	positional, err := parseInterleaved(fs, args, 1)
	if err != nil {
		return nil, err
	}
	ref := parseRef(positional[0])
	image, err := env.client.GetImage(env.ctx, *arch, ref.withTag())
	if err != nil {
		return nil, fmt.Errorf("%s (%s): %w", ref.withTag(), *arch, err)
	}
	return image, nil
}

// runSearch is `singularity search`: Apptainer always sends arch (its default is
// the host's); here arch and signed are sent only when given, so both kinds of
// query can be made.
func runSearch(env *environment, args []string) (interface{}, error) {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	arch := fs.String("arch", "", "only images of this architecture (comma-separated list allowed)")
	signed := fs.Bool("signed", false, "only signed images")
	positional, err := parseInterleaved(fs, args, 1)
	if err != nil {
		return nil, err
	}
	spec := map[string]string{"value": positional[0]}
	if *arch != "" {
		spec["arch"] = *arch
	}
	if *signed {
		spec["signed"] = "true"
	}
	return env.client.Search(env.ctx, spec)
}

// runDelete is `singularity delete library://REF`; the client refuses an empty arch.
func runDelete(env *environment, args []string) (interface{}, error) {
	fs := flag.NewFlagSet("delete", flag.ContinueOnError)
	arch := fs.String("arch", "amd64", "architecture")
	positional, err := parseInterleaved(fs, args, 1)
	if err != nil {
		return nil, err
	}
	ref := parseRef(positional[0])
	if err := env.client.DeleteImage(env.ctx, ref.withTag(), *arch); err != nil {
		return nil, fmt.Errorf("%s (%s): %w", ref.withTag(), *arch, err)
	}
	return map[string]string{"deleted": ref.withTag(), "arch": *arch}, nil
}

// runVersion prints what GET /version told the client; its apiVersion picks
// the v1 or v2 upload and tag calls. (The client has no token-status or
// current-user call, so there is no status command.)
func runVersion(env *environment, args []string) (interface{}, error) {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	if _, err := parseInterleaved(fs, args, 0); err != nil {
		return nil, err
	}
	return env.client.GetVersion(env.ctx)
}
