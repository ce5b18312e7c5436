using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.GarbageCollection;
using SRegistry.Core.Persistence;
using SRegistry.Core.Storage;

namespace SRegistry.Core.Images;

/// <summary>
/// The registry's content-addressed layer over the configured <see cref="IBlobStore"/>: every door
/// puts and reads image bytes through it, so all doors share one store. The store verifies and
/// publishes bytes; this class records what was published (<see cref="StoredBlob"/>), so that blobs
/// are known to the database only once their bytes are safely in place.
/// </summary>
public sealed class ImageStore(RegistryDbContext db, IBlobStore blobs, IUploadStaging staging, AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// Streams <paramref name="content"/> into the blob store and, only when the store published it
    /// (or already had it), records the blob. A digest or size mismatch leaves neither row nor file;
    /// a failing stream or cancellation throws and leaves neither either. Identical content is stored once.
    /// </summary>
    public async Task<BlobPutResult> PutAsync(Stream content, BlobExpectation expected, Actor actor, CancellationToken cancellationToken)
    {
        await TouchAsync(expected, cancellationToken);
        return await RecordIfStoredAsync(await blobs.PutAsync(content, expected, cancellationToken), actor, cancellationToken);
    }

    /// <summary>
    /// Publishes the first <paramref name="size"/> bytes staged for an upload (chunks or parts received
    /// earlier, by any instance) like <see cref="PutAsync"/>, with the same checks and records. Throws
    /// <see cref="UploadStagingException"/> while a piece of the upload is still arriving.
    /// </summary>
    public async Task<BlobPutResult> PublishStagedAsync(Guid uploadId, long size, BlobExpectation expected, Actor actor, CancellationToken cancellationToken)
    {
        await TouchAsync(expected, cancellationToken);
        return await RecordIfStoredAsync(await staging.PublishAsync(uploadId, size, expected, cancellationToken), actor, cancellationToken);
    }

    /// <summary>
    /// Stores a finished file of the server's own like <see cref="PutAsync"/>. A filesystem store on the same
    /// filesystem moves the file into place (hashed and synced, never written again), so the file is gone
    /// when the blob was stored; other stores read it. <paramref name="hashedWhenWritten"/> is the file's sha256
    /// as its only writer computed it, so the filesystem store need not read the file again.
    /// </summary>
    public async Task<BlobPutResult> AdoptFileAsync(string path, BlobDigest hashedWhenWritten, BlobExpectation expected, Actor actor, CancellationToken cancellationToken)
    {
        await TouchAsync(expected, cancellationToken);
        return await RecordIfStoredAsync(
            await FileSystemBlobStore.AdoptOrPutAsync(blobs, path, expected, hashedWhenWritten, cancellationToken), actor, cancellationToken);
    }

    // Content announced by digest is vouched for before its bytes arrive, so a collection during
    // a long upload spares a blob that would otherwise look unreferenced and old.
    private async Task TouchAsync(BlobExpectation expected, CancellationToken cancellationToken)
    {
        if (expected.Digest is not { } announced)
            return;
        var hex = announced.Hex;
        var now = time.GetUtcNow();
        await db.Blobs.Where(b => b.Digest == hex).ExecuteUpdateAsync(s => s.SetProperty(b => b.TouchedAt, now), cancellationToken);
    }

    private async Task<BlobPutResult> RecordIfStoredAsync(BlobPutResult result, Actor actor, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
            await RecordAsync(result, actor, cancellationToken);
        return result;
    }

    /// <summary>
    /// Records (or touches) a blob the store has published (by <see cref="PutAsync"/>, or a direct
    /// upload the store verified) under the shared <see cref="BlobLock"/>, after checking its bytes
    /// are still there: a collection that removed them between the store's put and now held the lock
    /// exclusively, so they are either visibly gone or safe until the grace period ends.
    /// </summary>
    public async Task RecordAsync(BlobPutResult result, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var digest = result.Digest.Hex;
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BlobLock.ShareAsync(db, cancellationToken);
        if (await blobs.GetInfoAsync(result.Digest, cancellationToken) is null)
            throw new BlobCollectedException(result.Digest);

        var upserted = await db.Database.SqlQuery<bool>($"""
            INSERT INTO blobs (digest, size, created_at, touched_at) VALUES ({digest}, {result.Size}, {now}, {now})
            ON CONFLICT (digest) DO UPDATE SET touched_at = EXCLUDED.touched_at
            RETURNING (xmax = 0) AS "Value"
            """).ToListAsync(cancellationToken);
        if (upserted[0])
        {
            audit.Record(actor, AuditActions.BlobStore, $"blob:{result.Digest}", new { size = result.Size });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Whether the blob is recorded and its bytes are in the store.</summary>
    public async Task<bool> ExistsAsync(BlobDigest digest, CancellationToken cancellationToken) =>
        await IsRecordedAsync(digest, cancellationToken) && await blobs.GetInfoAsync(digest, cancellationToken) is not null;

    /// <summary>
    /// Opens a recorded blob from <paramref name="offset"/> for at most <paramref name="length"/> bytes
    /// (null: to the end), or returns null when it is not recorded or not in the store.
    /// </summary>
    public async Task<Stream?> OpenReadAsync(BlobDigest digest, long offset, long? length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is { } l)
            ArgumentOutOfRangeException.ThrowIfNegative(l, nameof(length));

        // Bytes without a row are an unfinished put or garbage awaiting collection: not part of the registry.
        return await IsRecordedAsync(digest, cancellationToken)
            ? await blobs.OpenReadAsync(digest, offset, length, cancellationToken)
            : null;
    }

    /// <summary>
    /// How many things keep this content: uploaded images, OCI manifests that name it, and repositories
    /// it was uploaded into through the OCI door. A blob with none may be collected.
    /// </summary>
    public async Task<int> CountReferencesAsync(BlobDigest digest, CancellationToken cancellationToken)
    {
        var hex = digest.Hex;
        return await db.Images.CountAsync(i => i.Digest == hex && i.Uploaded, cancellationToken)
            + await db.ManifestReferences.CountAsync(r => r.Digest == hex && !r.IsManifest, cancellationToken)
            + await db.RepositoryBlobs.CountAsync(b => b.Digest == hex, cancellationToken);
    }

    /// <summary>
    /// Removes refused content (bytes that arrived intact but were not acceptable, such as a file that
    /// is no SIF image) when no uploaded image uses it, so a refusal leaves nothing stored.
    /// </summary>
    /// <remarks>An OCI upload links its blob to its repository in the same request that stores it, so
    /// a blob between its upload and its manifest is referenced; the window between the store's put
    /// and that link is covered by the garbage collector's grace period.</remarks>
    public async Task DiscardIfUnreferencedAsync(BlobDigest digest, Actor actor, CancellationToken cancellationToken)
    {
        // Under the exclusive lock, like a collection: no reference can appear between the count and the delete.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BlobLock.TakeExclusiveAsync(db, cancellationToken);
        if (await CountReferencesAsync(digest, cancellationToken) > 0)
            return;

        await db.Blobs.Where(b => b.Digest == digest.Hex).ExecuteDeleteAsync(cancellationToken);
        await blobs.DeleteAsync(digest, cancellationToken);
        audit.Record(actor, AuditActions.BlobDiscard, $"blob:{digest}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private Task<bool> IsRecordedAsync(BlobDigest digest, CancellationToken cancellationToken) =>
        db.Blobs.AnyAsync(b => b.Digest == digest.Hex, cancellationToken);
}
