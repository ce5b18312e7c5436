using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Images;
using SRegistry.Core.Persistence;
using SRegistry.Core.Uploads;

namespace SRegistry.Core.Oci;

/// <summary>
/// OCI blob uploads: chunks are staged, in order, through <see cref="IUploadStaging"/> (so any instance can
/// take the next one); the final request publishes them (or, for a monolithic upload, streams its own
/// body) through the <see cref="ImageStore"/>, which publishes only when the digest the client names
/// matches. Nothing is held in memory.
/// </summary>
public sealed class OciBlobUploads(RegistryDbContext db, ImageStore store, OciBlobs blobs, IUploadStaging staging, IOptions<OciOptions> options, TimeProvider time)
{
    /// <summary>Starts an upload into the container for a signed-in caller.</summary>
    public async Task<OciUpload> BeginAsync(Container container, Caller caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var upload = new OciUpload
        {
            Id = Guid.NewGuid(),
            ContainerId = container.Id,
            CreatedByUserId = caller.UserId ?? throw new InvalidOperationException("Uploads need a signed-in user."),
            CreatedAt = now,
            ExpiresAt = now + options.Value.UploadLifetime,
        };
        db.OciUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        return upload;
    }

    /// <summary>The live upload of the container with this id, or null (unknown, finished, cancelled or expired).</summary>
    public Task<OciUpload?> FindAsync(Container container, Guid uploadId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.OciUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uploadId && u.ContainerId == container.Id && u.ExpiresAt > now, cancellationToken);
    }

    /// <summary>The bytes received so far.</summary>
    public Task<long> OffsetAsync(OciUpload upload, CancellationToken cancellationToken) => staging.LengthAsync(upload.Id, cancellationToken);

    /// <summary>
    /// Appends a chunk. With <paramref name="start"/> (from <c>Content-Range</c>) the chunk must begin where
    /// the upload stands, else <see cref="OciError.RangeInvalid"/>. Returns the new offset.
    /// </summary>
    public async Task<OciResult<long>> AppendAsync(OciUpload upload, Stream body, long? start, CancellationToken cancellationToken) =>
        await AppendAtAsync(upload, await staging.LengthAsync(upload.Id, cancellationToken), body, start, cancellationToken);

    /// <summary>As <see cref="AppendAsync"/>, where the caller has just read the upload's <paramref name="offset"/> (<see cref="OffsetAsync"/>).</summary>
    public async Task<OciResult<long>> AppendAtAsync(OciUpload upload, long offset, Stream body, long? start, CancellationToken cancellationToken)
    {
        if (start is { } s && s != offset)
            return OciResult<long>.Failure(OciError.RangeInvalid, $"The chunk starts at {s}, but the upload has {offset} bytes; send the chunk that starts at {offset}.");
        try
        {
            // Chunks are sent one after the other; two at once would overlap, which the final digest check refuses.
            // That check is the only one, so a chunk's own digest is not asked for.
            var staged = await staging.WriteAsync(upload.Id, offset, body, long.MaxValue - 1, digestPiece: false, cancellationToken);
            return OciResult<long>.Success(offset + staged.Size);
        }
        catch (UploadStagingException e)
        {
            return OciResult<long>.Failure(OciError.BlobUploadInvalid, e.Message);
        }
        catch (IOException e)
        {
            return OciResult<long>.Failure(OciError.BlobUploadInvalid,
                $"The chunk broke off ({e.Message}); ask for the upload's status and send the rest from the offset it names.");
        }
    }

    /// <summary>
    /// Finishes the upload: streams the whole into the store against <paramref name="digest"/> and links it
    /// to the repository. A monolithic upload (nothing received before this request) goes straight from
    /// <paramref name="lastChunk"/> into the store, written once; otherwise the last chunk (if any) is
    /// appended and the staged chunks are published (a filesystem store adopts them without copying).
    /// The upload is gone afterwards, whatever the outcome.
    /// </summary>
    public async Task<OciResult<BlobPutResult>> CompleteAsync(OciUpload upload, Stream? lastChunk, long? start, BlobDigest digest, Caller caller, CancellationToken cancellationToken)
    {
        // Asked once: with an object store every question about the staged bytes is a listing.
        var length = await staging.LengthAsync(upload.Id, cancellationToken);
        var monolithic = lastChunk is not null && start is null or 0 && length == 0;
        if (lastChunk is not null && !monolithic)
        {
            var appended = await AppendAtAsync(upload, length, lastChunk, start, cancellationToken);
            if (!appended.Succeeded)
                return appended.As<BlobPutResult>();
            length = appended.Value;
        }

        try
        {
            BlobPutResult stored;
            try
            {
                var expected = new BlobExpectation(digest);
                stored = monolithic
                    ? await store.PutAsync(lastChunk!, expected, caller.Actor, cancellationToken)
                    : await store.PublishStagedAsync(upload.Id, length, expected, caller.Actor, cancellationToken);
            }
            catch (Exception e) when (e is UploadStagingException or BlobCollectedException)
            {
                return OciResult<BlobPutResult>.Failure(OciError.BlobUploadInvalid, e.Message);
            }

            if (!stored.Succeeded)
                return OciResult<BlobPutResult>.Failure(OciError.DigestInvalid,
                    $"The uploaded content has digest {stored.Digest}, not {digest}; nothing was stored.");
            return await blobs.LinkAsync(upload.ContainerId, stored.Digest, cancellationToken)
                ? OciResult<BlobPutResult>.Success(stored)
                : OciResult<BlobPutResult>.Failure(OciError.BlobUploadInvalid, $"The blob {stored.Digest} was garbage-collected as the upload finished; upload it again.");
        }
        finally
        {
            await CancelAsync(upload, CancellationToken.None);
        }
    }

    /// <summary>Drops the upload and its bytes.</summary>
    public async Task CancelAsync(OciUpload upload, CancellationToken cancellationToken)
    {
        await db.OciUploads.Where(u => u.Id == upload.Id).ExecuteDeleteAsync(cancellationToken);
        await staging.DeleteAsync(upload.Id, cancellationToken);
    }

    /// <summary>
    /// Removes expired uploads with their staged bytes. Safe at any time on any instance; bytes staged by
    /// a request that raced the removal are left for <see cref="ImageUploadService.PruneExpiredAsync"/>,
    /// which removes staged bytes of every door once no upload claims them.
    /// </summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expired = await db.OciUploads.Where(u => u.ExpiresAt <= now).Select(u => u.Id).ToListAsync(cancellationToken);
        await db.OciUploads.Where(u => expired.Contains(u.Id)).ExecuteDeleteAsync(cancellationToken);
        foreach (var uploadId in expired)
            await staging.DeleteAsync(uploadId, cancellationToken);
        return expired.Count;
    }
}
