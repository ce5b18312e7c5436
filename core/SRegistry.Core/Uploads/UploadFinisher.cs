using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Images;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Uploads;

/// <summary>
/// The end every upload shares: stream the bytes into the store against the image's digest, read the
/// SIF metadata, and mark the image uploaded together with that metadata in one save.
/// </summary>
internal sealed class UploadFinisher(RegistryDbContext db, ImageStore store, SifMetadataRecorder sif, AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// Stores <paramref name="content"/> as the bytes of image <paramref name="imageId"/>. A digest or size
    /// mismatch, or a <see cref="ClientBodyStream"/> that broke off, stores nothing; bytes that are not
    /// a SIF image or are for another architecture are removed again unless an uploaded image already
    /// uses them. In every refusal the image stays not uploaded.
    /// </summary>
    public Task<RegistryResult<Image>> StoreAsync(long imageId, Stream content, long? expectedSize, Actor actor, CancellationToken cancellationToken) =>
        PutAsync(imageId, content as ClientBodyStream, expected => store.PutAsync(content, new BlobExpectation(expected, expectedSize), actor, cancellationToken), expectedSize, actor, cancellationToken);

    /// <summary>
    /// Stores the file at <paramref name="path"/> (a whole image the server spooled, hashed as it was written) as the bytes of image
    /// <paramref name="imageId"/>, with the same checks and refusals as <see cref="StoreAsync"/>; see <see cref="ImageStore.AdoptFileAsync"/>.
    /// </summary>
    public Task<RegistryResult<Image>> StoreFileAsync(long imageId, string path, long size, BlobDigest digest, Actor actor, CancellationToken cancellationToken) =>
        PutAsync(imageId, null, expected => store.AdoptFileAsync(path, digest, new BlobExpectation(expected, size), actor, cancellationToken), size, actor, cancellationToken);

    /// <summary>
    /// Makes the bytes staged for upload <paramref name="uploadId"/> (the parts of a multipart upload) the
    /// bytes of image <paramref name="imageId"/>, with the same checks and refusals as <see cref="StoreAsync"/>.
    /// </summary>
    public Task<RegistryResult<Image>> PublishStagedAsync(long imageId, Guid uploadId, long expectedSize, Actor actor, CancellationToken cancellationToken) =>
        PutAsync(imageId, null, expected => store.PublishStagedAsync(uploadId, expectedSize, new BlobExpectation(expected, expectedSize), actor, cancellationToken), expectedSize, actor, cancellationToken);

    private async Task<RegistryResult<Image>> PutAsync(
        long imageId, ClientBodyStream? body, Func<BlobDigest, Task<BlobPutResult>> put, long? expectedSize, Actor actor, CancellationToken cancellationToken)
    {
        var image = await LoadAsync(imageId, cancellationToken);
        if (image is null)
            return RegistryResult<Image>.Failure(RegistryError.NotFound, $"There is no image with id {imageId}.");

        BlobPutResult stored;
        try
        {
            // Nothing is modified in the context yet, so the store's own save writes only its blob row.
            stored = await put(BlobDigest.Parse(image.Digest));
        }
        catch (Exception e) when (e is BlobCollectedException or UploadStagingException)
        {
            return RegistryResult<Image>.Failure(RegistryError.Conflict, e.Message);
        }
        catch (IOException e) when (body is { Failed: true })
        {
            return RegistryResult<Image>.Failure(RegistryError.SizeMismatch,
                $"The upload broke off after {body.BytesRead} bytes ({e.Message}); nothing was stored. Push again.");
        }

        return await AcceptAsync(image, stored, expectedSize, actor, cancellationToken);
    }

    /// <summary>
    /// Makes bytes the store already verified and published elsewhere (a direct upload to the store) the
    /// bytes of image <paramref name="imageId"/>, with the same checks and refusals as <see cref="StoreAsync"/>.
    /// </summary>
    public async Task<RegistryResult<Image>> AcceptPublishedAsync(long imageId, BlobPutResult stored, long expectedSize, Actor actor, CancellationToken cancellationToken)
    {
        var image = await LoadAsync(imageId, cancellationToken);
        if (image is null)
            return RegistryResult<Image>.Failure(RegistryError.NotFound, $"There is no image with id {imageId}.");
        if (stored.Succeeded)
            await store.RecordAsync(stored, actor, cancellationToken);
        return await AcceptAsync(image, stored, expectedSize, actor, cancellationToken);
    }

    private Task<Image?> LoadAsync(long imageId, CancellationToken cancellationToken) =>
        db.Images
            .Include(i => i.Labels)
            .Include(i => i.Container).ThenInclude(c => c.Collection).ThenInclude(c => c.Entity)
            .SingleOrDefaultAsync(i => i.Id == imageId, cancellationToken);

    private async Task<RegistryResult<Image>> AcceptAsync(Image image, BlobPutResult stored, long? expectedSize, Actor actor, CancellationToken cancellationToken)
    {
        var expected = BlobDigest.Parse(image.Digest);
        var imageId = image.Id;
        switch (stored.Outcome)
        {
            case BlobPutOutcome.DigestMismatch:
                return RegistryResult<Image>.Failure(RegistryError.DigestMismatch,
                    $"The uploaded file has sha256.{stored.Digest.Hex}, but the image was created with sha256.{expected.Hex}; nothing was stored.");
            case BlobPutOutcome.SizeMismatch:
                var sent = stored.Size > expectedSize ? $"more than {expectedSize}" : $"{stored.Size}";
                return RegistryResult<Image>.Failure(RegistryError.SizeMismatch,
                    $"The upload sent {sent} bytes, but {expectedSize} were announced; nothing was stored.");
        }

        var applied = await sif.ApplyAsync(image, stored, cancellationToken);
        if (!applied.Succeeded)
        {
            db.ChangeTracker.Clear();
            await store.DiscardIfUnreferencedAsync(stored.Digest, actor, cancellationToken);
            return applied;
        }

        image.Size = stored.Size;
        image.Uploaded = true;
        image.UploadedAt = time.GetUtcNow();
        audit.Record(actor, UploadAuditActions.ImageUpload, CatalogText.ImageTarget(image.Container, image), new { size = stored.Size, arch = image.Arch });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return RegistryResult<Image>.Failure(RegistryError.NotFound, $"The image with id {imageId} was deleted while its bytes arrived.");
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            // The SIF named the architecture of an image that had none, and the container already has this content for it.
            db.ChangeTracker.Clear();
            return RegistryResult<Image>.Failure(RegistryError.Conflict,
                $"The container already has an image with sha256.{expected.Hex} for architecture '{image.Arch}'.");
        }

        return RegistryResult<Image>.Success(image);
    }
}
