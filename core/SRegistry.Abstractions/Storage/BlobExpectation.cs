namespace SRegistry.Abstractions.Storage;

/// <summary>What the caller already knows about content it is about to put.</summary>
/// <param name="Digest">The digest the content must have, or null to accept any.</param>
/// <param name="Size">The size in bytes the content must have, or null to accept any.</param>
public sealed record BlobExpectation(BlobDigest? Digest = null, long? Size = null)
{
    /// <summary>No expectation: the store keeps whatever arrives.</summary>
    public static BlobExpectation None { get; } = new();
}
