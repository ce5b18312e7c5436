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
/// OCI blob uploads: chunks are appended, in order, to a file of the upload's own; the final request
/// streams that file (or, for a monolithic upload, its own body) into the <see cref="ImageStore"/>, which
/// hashes it on the way and publishes it only when the digest the client names matches. Nothing is held
/// in memory.
/// </summary>
public sealed class OciBlobUploads(RegistryDbContext db, ImageStore store, OciBlobs blobs, IOptions<UploadOptions> uploadOptions, IOptions<OciOptions> options, TimeProvider time)
{
    private readonly OciUploadFiles _files = new(uploadOptions);

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
        _files.Create(upload.Id);
        return upload;
    }

    /// <summary>The live upload of the container with this id, or null (unknown, finished, cancelled or expired).</summary>
    public Task<OciUpload?> FindAsync(Container container, Guid uploadId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.OciUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uploadId && u.ContainerId == container.Id && u.ExpiresAt > now, cancellationToken);
    }

    /// <summary>The bytes received so far, or null when the upload's file is gone (pruned).</summary>
    public long? Offset(OciUpload upload) => _files.Length(upload.Id);

    /// <summary>
    /// Appends a chunk. With <paramref name="start"/> (from <c>Content-Range</c>) the chunk must begin where
    /// the upload stands, else <see cref="OciError.RangeInvalid"/>. Returns the new offset.
    /// </summary>
    public async Task<OciResult<long>> AppendAsync(OciUpload upload, Stream body, long? start, CancellationToken cancellationToken)
    {
        try
        {
            // Exclusive: two chunks of one upload arriving at once must not interleave.
            await using var file = new FileStream(_files.PathOf(upload.Id), FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: true);
            if (start is { } s && s != file.Length)
                return OciResult<long>.Failure(OciError.RangeInvalid, $"The chunk starts at {s}, but the upload has {file.Length} bytes; send the chunk that starts at {file.Length}.");
            file.Seek(0, SeekOrigin.End);
            await body.CopyToAsync(file, 1 << 20, cancellationToken);
            return OciResult<long>.Success(file.Length);
        }
        catch (FileNotFoundException)
        {
            return Unknown<long>(upload);
        }
        catch (IOException e)
        {
            // Another chunk holds the file, or the body broke off; the final digest check catches any damage.
            return OciResult<long>.Failure(OciError.BlobUploadInvalid, $"The chunk was not taken ({e.Message}); send chunks one at a time.");
        }
    }

    /// <summary>
    /// Finishes the upload: streams the whole into the store against <paramref name="digest"/> and links it
    /// to the repository. A monolithic upload (nothing received before this request) goes straight from
    /// <paramref name="lastChunk"/> into the store, written once; otherwise the last chunk (if any) is
    /// appended and the upload's file is streamed in. The upload is gone afterwards, whatever the outcome.
    /// </summary>
    public async Task<OciResult<BlobPutResult>> CompleteAsync(OciUpload upload, Stream? lastChunk, long? start, BlobDigest digest, Caller caller, CancellationToken cancellationToken)
    {
        var monolithic = lastChunk is not null && start is null or 0 && _files.Length(upload.Id) == 0;
        if (lastChunk is not null && !monolithic)
        {
            var appended = await AppendAsync(upload, lastChunk, start, cancellationToken);
            if (!appended.Succeeded)
                return appended.As<BlobPutResult>();
        }

        try
        {
            BlobPutResult stored;
            try
            {
                await using var content = monolithic ? null : new FileStream(_files.PathOf(upload.Id), FileMode.Open, FileAccess.Read, FileShare.None, bufferSize: 0, useAsync: true);
                stored = await store.PutAsync(content ?? lastChunk!, new BlobExpectation(digest), caller.Actor, cancellationToken);
            }
            catch (FileNotFoundException)
            {
                return Unknown<BlobPutResult>(upload);
            }
            catch (BlobCollectedException e)
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
        _files.Delete(upload.Id);
    }

    /// <summary>
    /// Removes expired uploads with their bytes, and files whose upload is gone. Safe at any time on any
    /// instance: a file is only removed once no live row claims it.
    /// </summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.OciUploads.Where(u => u.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);

        // Files are listed before the rows are read: a new upload's row is written before its file.
        var onDisk = _files.List().ToList();
        var live = await db.OciUploads.Where(u => onDisk.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        var abandoned = onDisk.Except(live).ToList();
        foreach (var id in abandoned)
            _files.Delete(id);
        return abandoned.Count;
    }

    private static OciResult<T> Unknown<T>(OciUpload upload) =>
        OciResult<T>.Failure(OciError.BlobUploadUnknown, $"The upload {upload.Id:N} is finished, cancelled or expired; start a new one.");
}
