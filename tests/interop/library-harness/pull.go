package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/apptainer/container-library-client/client"
)

type pullResult struct {
	ImageID string `json:"imageId"`
	// Hash is what the server says the image's hash is (GetImage).
	Hash string `json:"hash"`
	// Sha256 is the hash of the bytes actually written, sha256.<hex>.
	Sha256 string `json:"sha256"`
	Size   int64  `json:"size"`
	// RangeRequests counts requests sent with a Range header: non-zero only when
	// the server redirected the concurrent downloader to a ranged URL.
	RangeRequests int             `json:"rangeRequests"`
	Requests      []tracedRequest `json:"requests"`
}

// runPull does what `singularity pull OUT library://REF` does: GetImage (404 means
// "image does not exist in the library"), then the download. Apptainer itself
// always uses ConcurrentDownloadImage; here -concurrent > 1 selects it and
// otherwise the plain DownloadImage stream is used, so both are covered.
func runPull(env *environment, args []string) (interface{}, error) {
	fs := flag.NewFlagSet("pull", flag.ContinueOnError)
	arch := fs.String("arch", "amd64", "architecture to pull")
	concurrent := fs.Uint("concurrent", 1, "parallel ranged requests (ConcurrentDownloadImage when > 1)")
	partSize := fs.Int64("part-size", 5*1024*1024, "part size of a concurrent download, bytes")
	positional, err := parseInterleaved(fs, args, 2)
	if err != nil {
		return nil, err
	}
	ref, out := parseRef(positional[0]), positional[1]
	if *partSize < 1 {
		return nil, usageError("-part-size must be positive")
	}

	image, err := env.client.GetImage(env.ctx, *arch, ref.withTag())
	if err != nil {
		return nil, fmt.Errorf("image does not exist in the library: %s (%s): %w", ref.withTag(), *arch, err)
	}

	if err := download(env, out, *arch, ref, *concurrent, *partSize); err != nil {
		// As Apptainer does: no half-written image is left behind.
		os.Remove(out)
		if isNotFoundStatus(err) {
			return nil, fmt.Errorf("%v: %w", err, errNotFound)
		}
		return nil, err
	}

	f, err := os.Open(out)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	written, err := fileHash(f)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}

	requests := env.trace.snapshot()
	ranged := 0
	for _, r := range requests {
		if r.Range != "" {
			ranged++
		}
	}
	return pullResult{
		ImageID:       image.ID,
		Hash:          image.Hash,
		Sha256:        written,
		Size:          info.Size(),
		RangeRequests: ranged,
		Requests:      requests,
	}, nil
}

func download(env *environment, out, arch string, ref libraryRef, concurrent uint, partSize int64) error {
	// Opened like Apptainer's DownloadImage helper: the concurrent downloader writes with WriteAt.
	f, err := os.OpenFile(out, os.O_CREATE|os.O_TRUNC|os.O_RDWR, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()

	if concurrent > 1 {
		spec := &client.Downloader{
			Concurrency: concurrent,
			PartSize:    partSize,
			// Must be set: a zero buffer makes the part loop spin forever.
			BufferSize: 32 * 1024,
		}
		return env.client.ConcurrentDownloadImage(env.ctx, f, arch, ref.Path, ref.Tags[0], spec, nil)
	}
	return env.client.DownloadImage(env.ctx, f, arch, ref.Path, ref.Tags[0], nil)
}
