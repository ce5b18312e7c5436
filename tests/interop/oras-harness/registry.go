package main

import (
	"net/http"

	"github.com/containerd/containerd/remotes/docker"
	"oras.land/oras-go/pkg/content"
)

// newRegistry is the remote end of a copy, as Singularity 3.x builds it when
// given credentials: containerd's docker resolver with a credentials callback,
// which answers the registry's 401 challenge (Basic, or Bearer through the token
// realm: POST grant_type=password with credentials, GET without) by itself.
// Plain HTTP, because test registries listen on loopback without TLS.
func newRegistry(username, password string) *content.Registry {
	resolver := docker.NewResolver(docker.ResolverOptions{
		Credentials: func(string) (string, string, error) { return username, password, nil },
		Client:      http.DefaultClient,
		PlainHTTP:   true,
	})
	return &content.Registry{Resolver: resolver}
}
