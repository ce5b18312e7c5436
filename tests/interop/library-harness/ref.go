package main

import "strings"

// libraryRef is a library:// reference split the way Apptainer splits it
// (internal/pkg/client/library.NormalizeLibraryRef): a path of 1-3 name parts
// and the tags after the first colon, "latest" when there are none.
type libraryRef struct {
	Path string
	Tags []string
}

func parseRef(raw string) libraryRef {
	ref := strings.TrimPrefix(raw, "library://")
	// library://host/entity/collection/container: the host is the -url's business.
	if strings.Count(ref, "/") > 2 {
		ref = strings.SplitN(ref, "/", 2)[1]
	}
	parts := strings.SplitN(ref, ":", 2)
	tags := []string{"latest"}
	if len(parts) == 2 {
		tags = strings.Split(parts[1], ",")
	}
	return libraryRef{Path: parts[0], Tags: tags}
}

// withTag is the reference GetImage and DeleteImage take: path:tag.
func (r libraryRef) withTag() string {
	return r.Path + ":" + r.Tags[0]
}

// split returns the entity, collection and container names ("" for parts left out).
func (r libraryRef) split() (entity, collection, container string) {
	parts := strings.Split(r.Path, "/")
	for len(parts) < 3 {
		parts = append([]string{""}, parts...)
	}
	return parts[0], parts[1], parts[2]
}
