package main

import (
	"context"
	"fmt"
	"path/filepath"

	"oras.land/oras-go/pkg/content"
	"oras.land/oras-go/pkg/oras"
)

// The media types Singularity 3.x gives a SIF pushed to oras://.
const (
	sifConfigMediaType = "application/vnd.sylabs.sif.config.v1+json"
	sifLayerMediaType  = "application/vnd.sylabs.sif.layer.v1.sif"
)

type pushResult struct {
	ManifestDigest string `json:"manifestDigest"`
	ConfigDigest   string `json:"configDigest"`
	LayerDigest    string `json:"layerDigest"`
	Size           int64  `json:"size"`
}

// runPush does what `singularity push FILE oras://REF` does: a manifest with the
// 2-byte `{}` config of the SIF config type and the file as its only layer,
// titled with the file's base name, copied from a file store to the registry.
func runPush(ctx context.Context, registry *content.Registry, file, ref string) (interface{}, error) {
	ref, err := normalizeRef(ref)
	if err != nil {
		return nil, err
	}

	store := content.NewFile("")
	defer store.Close()
	layer, err := store.Add(filepath.Base(file), sifLayerMediaType, file)
	if err != nil {
		return nil, fmt.Errorf("adding %s: %w", file, err)
	}
	configBytes, config, err := content.GenerateConfig(nil)
	if err != nil {
		return nil, err
	}
	config.MediaType = sifConfigMediaType
	if err := store.Load(config, configBytes); err != nil {
		return nil, err
	}
	manifest, manifestDesc, err := content.GenerateManifest(&config, nil, layer)
	if err != nil {
		return nil, err
	}
	if err := store.StoreManifest(ref, manifestDesc, manifest); err != nil {
		return nil, err
	}

	pushed, err := oras.Copy(ctx, store, ref, registry, "")
	if err != nil {
		return nil, fmt.Errorf("pushing to %s: %w", ref, err)
	}
	return pushResult{
		ManifestDigest: pushed.Digest.String(),
		ConfigDigest:   config.Digest.String(),
		LayerDigest:    layer.Digest.String(),
		Size:           layer.Size,
	}, nil
}
