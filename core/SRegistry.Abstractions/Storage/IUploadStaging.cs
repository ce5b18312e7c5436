namespace SRegistry.Abstractions.Storage;

/// <summary>
/// An optional second interface of an <see cref="IBlobStore"/> that keeps the bytes of unfinished
/// uploads (OCI chunks, library multipart parts) itself, so that an upload begun through one server
/// instance can be continued and finished through any other that shares the store. Stores without it
/// have their uploads staged in the core's <c>Uploads:Directory</c>, which instances must then share.
/// </summary>
/// <remarks>
/// An upload is a byte range <c>[0, size)</c> written piece by piece, in any order and from several
/// requests at once for distinct ranges. The core decides integrity: it publishes an upload only
/// against the digest the client named, so a store may keep pieces unsynced until
/// <see cref="PublishAsync"/>. Implementations are singletons and safe for concurrent use.
/// </remarks>
public interface IUploadStaging
{
    /// <summary>
    /// Streams <paramref name="content"/> to the upload's bytes from <paramref name="offset"/> on,
    /// and reads at most one byte more than <paramref name="sizeLimit"/> (those bytes are not kept).
    /// With <paramref name="digestPiece"/> the answer has the piece's sha256; without, the store may
    /// skip hashing it (on 2 cores, skipping it took chunked pushes from 341 to 410 MiB/s;
    /// docs/benchmarks.md). A range written again replaces what was there. May throw
    /// <see cref="UploadStagingException"/> while the upload is being published (a piece that arrives
    /// after the upload is gone is left for <see cref="ListAsync"/> to find). When the stream fails,
    /// the piece may be kept in part or not at all, which <see cref="LengthAsync"/> then tells.
    /// </summary>
    Task<StagedPiece> WriteAsync(Guid uploadId, long offset, Stream content, long sizeLimit, bool digestPiece, CancellationToken cancellationToken);

    /// <summary>
    /// Where the furthest staged byte of the upload ends (0 when nothing is staged): for pieces written
    /// one after the other, such as OCI chunks, the offset the client continues from.
    /// </summary>
    Task<long> LengthAsync(Guid uploadId, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes bytes <c>[0, <paramref name="size"/>)</c> of the upload as a blob, with the checks and
    /// outcomes of <see cref="IBlobStore.PutAsync"/> against <paramref name="expected"/>; a store may
    /// adopt the staged bytes rather than copy them. Missing bytes are a <see cref="BlobPutOutcome.SizeMismatch"/>.
    /// May throw <see cref="UploadStagingException"/> while a piece is still being written; in any case
    /// only bytes that match <paramref name="expected"/> are ever published. The upload's
    /// staged bytes may be gone afterwards, whatever the outcome; the caller deletes the upload next.
    /// </summary>
    Task<BlobPutResult> PublishAsync(Guid uploadId, long size, BlobExpectation expected, CancellationToken cancellationToken);

    /// <summary>Removes everything staged for the upload; no error when nothing is.</summary>
    Task DeleteAsync(Guid uploadId, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the uploads that have bytes staged (streaming), so that those whose upload the database no
    /// longer knows can be deleted. May list an upload more than once.
    /// </summary>
    IAsyncEnumerable<Guid> ListAsync(CancellationToken cancellationToken);
}
