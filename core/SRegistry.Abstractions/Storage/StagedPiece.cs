namespace SRegistry.Abstractions.Storage;

/// <summary>What <see cref="IUploadStaging.WriteAsync"/> wrote.</summary>
/// <param name="Digest">The sha256 of the bytes that arrived; null when it was not asked for and the store did not compute it.</param>
/// <param name="Size">How many bytes arrived; one more than the size limit when the content was too long (and then nothing was kept).</param>
public sealed record StagedPiece(BlobDigest? Digest, long Size);
