package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/containerd/containerd/images"
	ocispec "github.com/opencontainers/image-spec/specs-go/v1"
	"oras.land/oras-go/pkg/content"
	"oras.land/oras-go/pkg/oras"
)

type pullResult struct {
	ManifestDigest string `json:"manifestDigest"`
	LayerDigest    string `json:"layerDigest"`
	// SHA256 is of the file written, computed afresh (sha256:<hex>).
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// runPull does what `singularity pull OUT oras://REF` does: copy the manifest's
// SIF layer (only that media type is allowed) into a file store whose name for
// the layer is mapped onto OUT. It then insists, as Apptainer does, on exactly
// one layer of the SIF type, and hashes what was written.
func runPull(ctx context.Context, registry *content.Registry, ref, out string) (interface{}, error) {
	ref, err := normalizeRef(ref)
	if err != nil {
		return nil, err
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return nil, err
	}

	store := content.NewFile(filepath.Dir(out))
	defer store.Close()
	store.AllowPathTraversalOnWrite = true
	store.DisableOverwrite = false
	mapLayer := images.HandlerFunc(func(ctx context.Context, desc ocispec.Descriptor) ([]ocispec.Descriptor, error) {
		if desc.MediaType == sifLayerMediaType {
			if name, ok := content.ResolveName(desc); ok {
				store.MapPath(name, out)
			}
		}
		return nil, nil
	})
	var manifestBytes []byte
	root, err := oras.Copy(ctx, registry, ref, store, "",
		oras.WithAllowedMediaType(sifLayerMediaType),
		oras.WithPullBaseHandler(mapLayer),
		oras.WithRootManifest(func(b []byte) { manifestBytes = b }))
	if err != nil {
		return nil, fmt.Errorf("pulling %s: %w", ref, err)
	}

	var manifest ocispec.Manifest
	if err := json.Unmarshal(manifestBytes, &manifest); err != nil {
		return nil, fmt.Errorf("the manifest of %s is not an OCI image manifest: %w", ref, err)
	}
	if len(manifest.Layers) != 1 || manifest.Layers[0].MediaType != sifLayerMediaType {
		return nil, fmt.Errorf("the manifest of %s must have exactly one %s layer: %s", ref, sifLayerMediaType, manifestBytes)
	}
	if _, ok := content.ResolveName(manifest.Layers[0]); !ok {
		return nil, fmt.Errorf("the SIF layer of %s has no %s annotation", ref, ocispec.AnnotationTitle)
	}

	sum, size, err := fileSHA256(out)
	if err != nil {
		return nil, fmt.Errorf("the SIF layer was not written to %s: %w", out, err)
	}
	return pullResult{
		ManifestDigest: root.Digest.String(),
		LayerDigest:    manifest.Layers[0].Digest.String(),
		SHA256:         sum,
		Size:           size,
	}, nil
}

func fileSHA256(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), n, nil
}
