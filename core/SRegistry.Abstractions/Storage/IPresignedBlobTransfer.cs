namespace SRegistry.Abstractions.Storage;

/// <summary>
/// An optional second interface of an <see cref="IBlobStore"/> whose backend can hand clients
/// time-limited URLs, so image bytes bypass the registry server (object stores such as S3).
/// The core uses it only when configuration allows direct transfers.
/// </summary>
public interface IPresignedBlobTransfer
{
    /// <summary>
    /// Returns a URL that serves the blob without other credentials until <paramref name="lifetime"/>
    /// has passed, answering <c>Range</c> requests with 206; or null when the blob does not exist.
    /// </summary>
    Task<Uri?> GetDownloadUrlAsync(BlobDigest digest, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>
    /// Prepares a single-use upload of exactly <paramref name="size"/> bytes with the given digest to a
    /// temporary object and returns the URL (and headers the client must send) valid for
    /// <paramref name="lifetime"/>. Nothing is published until <see cref="CompleteUploadAsync"/>.
    /// </summary>
    Task<PresignedUpload> CreateUploadAsync(BlobDigest digest, long size, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>
    /// Verifies the uploaded temporary object against its digest and size and publishes it, or
    /// removes it and reports the mismatch. Unknown or already completed upload ids are a mismatch.
    /// </summary>
    Task<BlobPutResult> CompleteUploadAsync(PresignedUpload upload, CancellationToken cancellationToken);
}
