namespace SRegistry.Abstractions.Storage;

/// <summary>
/// Content-addressed storage for image bytes. A blob is published under the sha256 of its content
/// and never changes afterwards. Implementations are singletons and safe for concurrent use.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Streams <paramref name="content"/> to the end, hashing while writing to a temporary object,
    /// and publishes it atomically under its digest only when it matches <paramref name="expected"/>.
    /// Must never hold the whole content in memory. When the content does not match, the stream
    /// fails or the call is cancelled, nothing is published and the temporary object is removed.
    /// Concurrent puts of identical content publish it once; the others report
    /// <see cref="BlobPutOutcome.AlreadyPresent"/>.
    /// </summary>
    Task<BlobPutResult> PutAsync(Stream content, BlobExpectation expected, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a published blob for reading from <paramref name="offset"/>, for at most
    /// <paramref name="length"/> bytes (null: to the end). Returns null when there is no such blob.
    /// The caller disposes the stream.
    /// </summary>
    Task<Stream?> OpenReadAsync(BlobDigest digest, long offset, long? length, CancellationToken cancellationToken);

    /// <summary>Returns the blob's size and creation time, or null when there is no such blob.</summary>
    Task<BlobInfo?> GetInfoAsync(BlobDigest digest, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a published blob. Returns false when it did not exist. The caller (the garbage
    /// collector) has already made sure nothing references it.
    /// </summary>
    Task<bool> DeleteAsync(BlobDigest digest, CancellationToken cancellationToken);
}
