namespace SRegistry.Core.Domain;

/// <summary>
/// An upload of an image's bytes that is under way: a capability URL (single-part or one part of a
/// multipart upload), or a multipart upload as a whole. Kept in the database, not in memory, so that
/// whichever server instance receives the bytes knows the upload.
/// </summary>
public sealed class UploadSession
{
    /// <summary>The upload id (a multipart upload's <c>uploadID</c> in the library API).</summary>
    public Guid Id { get; set; }

    public long ImageId { get; set; }
    public UploadKind Kind { get; set; }

    /// <summary>
    /// SHA-256 of the URL's secret (32 random bytes); the secret itself is only in the URL. Null for a
    /// multipart upload as a whole, which is addressed by its id through authenticated requests.
    /// </summary>
    public byte[]? SecretHash { get; set; }

    /// <summary>The bytes expected: the whole image, or one part.</summary>
    public long ExpectedSize { get; set; }

    /// <summary>For a part: the sha256 (lowercase hex) the client declared for it, if any.</summary>
    public string? ExpectedSha256 { get; set; }

    /// <summary>For a multipart upload as a whole: the size of every part but the last.</summary>
    public long? PartSize { get; set; }

    /// <summary>For a part: its number, from 1.</summary>
    public int? PartNumber { get; set; }

    /// <summary>For a part: the multipart upload it belongs to.</summary>
    public Guid? ParentId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the URL was claimed; a URL is claimed once, before its bytes are read.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>For a part: when its bytes arrived and matched.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>For a part: the receipt handed out when its bytes arrived (its ETag), which the completion must list.</summary>
    public string? Receipt { get; set; }

    public long CreatedByUserId { get; set; }

    /// <summary>
    /// For a single-part upload sent straight to the blob store (direct transfers): the store's id of the
    /// temporary object the presigned URL writes, verified and published when the client completes.
    /// </summary>
    public string? DirectUploadId { get; set; }
}
