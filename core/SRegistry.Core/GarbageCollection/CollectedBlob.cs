using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.GarbageCollection;

/// <summary>One blob a collection removed (or would remove, in a dry run).</summary>
/// <param name="Digest">The blob's sha256.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Recorded">False for bytes in the store the database never recorded (a put that died half-way).</param>
public sealed record CollectedBlob(BlobDigest Digest, long Size, bool Recorded);
