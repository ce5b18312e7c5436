using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Catalog;

/// <summary>An image that was deleted, and what became of its content.</summary>
/// <param name="ImageId">The deleted image's id.</param>
/// <param name="Reference">What was deleted, as <c>entity/collection/container@sha256:hex</c>.</param>
/// <param name="Digest">Its content.</param>
/// <param name="BlobUnreferenced">
/// True when the content is stored and no uploaded image refers to it any more. The blob stays in the
/// store until the garbage collector removes it; doors log this so operators see space becoming free.
/// </param>
public sealed record DeletedImage(long ImageId, string Reference, BlobDigest Digest, bool BlobUnreferenced);
