namespace SRegistry.Core.Domain;

/// <summary>A blob published in the blob store, recorded once its bytes are verified.</summary>
public sealed class StoredBlob
{
    /// <summary>The sha256, 64 lowercase hex characters.</summary>
    public required string Digest { get; set; }

    public long Size { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a put last vouched for the bytes; the garbage collector spares blobs touched within its grace period.</summary>
    public DateTimeOffset TouchedAt { get; set; }
}
