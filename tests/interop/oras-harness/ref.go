package main

import (
	"fmt"
	"strings"

	"github.com/containerd/containerd/reference"
)

// normalizeRef accepts HOST:PORT/REPO[:TAG|@DIGEST], with or without oras://,
// and adds the tag Singularity defaults to.
func normalizeRef(ref string) (string, error) {
	ref = strings.TrimPrefix(ref, "oras://")
	spec, err := reference.Parse(ref)
	if err != nil {
		return "", fmt.Errorf("%q is not a registry reference: %w", ref, err)
	}
	if spec.Object == "" {
		spec.Object = "latest"
	}
	return spec.String(), nil
}
