namespace SRegistry.Abstractions.Storage;

/// <summary>What a store knows about a published blob.</summary>
/// <param name="Digest">The blob's sha256.</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="CreatedAt">When it was published (UTC).</param>
public sealed record BlobInfo(BlobDigest Digest, long Size, DateTimeOffset CreatedAt);
