namespace SRegistry.Abstractions.Storage;

/// <summary>A prepared direct upload, from <see cref="IPresignedBlobTransfer.CreateUploadAsync"/>.</summary>
/// <param name="UploadId">The store's id for the temporary object.</param>
/// <param name="Url">Where the client sends the bytes with <c>PUT</c>.</param>
/// <param name="RequiredHeaders">Headers the client must send with the bytes (for example <c>x-amz-content-sha256</c>).</param>
/// <param name="Digest">The digest the bytes must have.</param>
/// <param name="Size">The number of bytes expected.</param>
/// <param name="ExpiresAt">When the URL stops working.</param>
public sealed record PresignedUpload(
    string UploadId,
    Uri Url,
    IReadOnlyDictionary<string, string> RequiredHeaders,
    BlobDigest Digest,
    long Size,
    DateTimeOffset ExpiresAt);
