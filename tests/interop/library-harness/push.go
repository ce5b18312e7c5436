package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/apptainer/container-library-client/client"
)

type pushResult struct {
	ImageID string `json:"imageId"`
	Hash    string `json:"hash"`
	// Uploaded is whether image bytes were sent; false when the server said the
	// image (by sha256) was already uploaded and the client skipped the transfer.
	Uploaded  bool                        `json:"uploaded"`
	BytesSent int64                       `json:"bytesSent"`
	Tags      []string                    `json:"tags"`
	Complete  *client.UploadImageComplete `json:"complete,omitempty"`
	// Requests are those UploadImage made (not the GetImage the harness adds afterwards).
	Requests []tracedRequest `json:"requests"`
}

// runPush does what `singularity push FILE library://REF` does: one UploadImage
// call, which finds or creates the entity, collection, container and image,
// uploads unless the image says it is uploaded, and sets the tags.
func runPush(env *environment, args []string) (interface{}, error) {
	fs := flag.NewFlagSet("push", flag.ContinueOnError)
	// Apptainer reads the arch from the SIF's primary partition; the harness is told.
	arch := fs.String("arch", "amd64", "image architecture")
	description := fs.String("description", "", "image description")
	private := fs.Bool("private", false, "create the collection private first (the client itself never asks for a private collection)")
	singlePart := fs.Bool("single-part", false, "answer the client's multipart start with 404, as a server without multipart would, so it falls back to a single-part upload")
	positional, err := parseInterleaved(fs, args, 2)
	if err != nil {
		return nil, err
	}
	file, ref := positional[0], parseRef(positional[1])

	if *private {
		if err := ensurePrivateCollection(env, ref); err != nil {
			return nil, err
		}
	}

	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	hash, err := fileHash(f)
	if err != nil {
		return nil, err
	}

	env.trace.refuseMultipart = *singlePart
	callback := &countingCallback{}
	complete, err := env.client.UploadImage(env.ctx, f, ref.Path, *arch, ref.Tags, *description, callback)
	requests := env.trace.snapshot()
	if errors.Is(err, client.ErrNotFound) {
		// Every lookup's 404 is handled inside UploadImage, so this one came from a
		// create or upload call: a missing endpoint, not a missing image.
		return nil, fmt.Errorf("a create or upload call answered 404 (%v); see the requests above", err)
	}
	if err != nil {
		return nil, err
	}

	image, err := env.client.GetImage(env.ctx, *arch, ref.Path+":"+hash)
	if err != nil {
		return nil, fmt.Errorf("pushed, but the image is not found by its hash %s: %w", hash, err)
	}
	return pushResult{
		ImageID:   image.ID,
		Hash:      hash,
		Uploaded:  callback.sent > 0,
		BytesSent: callback.sent,
		Tags:      ref.Tags,
		Complete:  complete,
		Requests:  requests,
	}, nil
}

// fileHash is the library's image hash of a file: sha256.<hex>. Leaves f at its start.
func fileHash(f *os.File) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	return "sha256." + hex.EncodeToString(h.Sum(nil)), nil
}

// countingCallback is an UploadCallback that counts the bytes the client reads
// for sending. The client calls InitUpload only when it is about to upload, and
// every upload path (v1 POST, v2 PUT, multipart parts) reads through GetReader.
type countingCallback struct {
	reader io.Reader
	sent   int64
}

func (c *countingCallback) InitUpload(_ int64, r io.Reader) { c.reader = &countingReader{r, &c.sent} }
func (c *countingCallback) GetReader() io.Reader            { return c.reader }
func (c *countingCallback) Terminate()                      {}
func (c *countingCallback) Finish()                         {}

type countingReader struct {
	inner io.Reader
	count *int64
}

func (r *countingReader) Read(p []byte) (int, error) {
	n, err := r.inner.Read(p)
	*r.count += int64(n)
	return n, err
}
