using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Images;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Catalog;

/// <summary>Images: lookup by reference or id, creation (with dedupe against the store), deletion and download counts.</summary>
public sealed class ImageCatalog(RegistryDbContext db, ImageStore store, AuditLog audit, TimeProvider time)
{
    /// <summary>The architecture of an image created without one, and the one chosen when a tag has several.</summary>
    public const string DefaultArch = ImageResolution.DefaultArch;

    /// <summary>
    /// The image a reference names: its tag (default <c>latest</c>) or digest, for <paramref name="arch"/>.
    /// Without an architecture: the tag's only image, or the <see cref="DefaultArch"/> one when there are
    /// several (none for amd64 is not found). The image may not be uploaded yet: check
    /// <see cref="Image.Uploaded"/> before serving bytes.
    /// </summary>
    /// <returns>The image with its container, collection, entity and tags.</returns>
    public Task<RegistryResult<Image>> GetImageAsync(ImageReference reference, string? arch, Caller caller, CancellationToken cancellationToken = default) =>
        db.ResolveImageAsync(reference, arch, caller, track: false, cancellationToken);

    /// <summary>The image by id (the library API uploads by image id), with its container, collection, entity, tags and labels.</summary>
    public async Task<RegistryResult<Image>> GetImageByIdAsync(long imageId, Caller caller, CancellationToken cancellationToken = default)
    {
        var image = await db.VisibleImages(caller).AsNoTracking()
            .Include(i => i.Container).ThenInclude(c => c.Collection).ThenInclude(c => c.Entity)
            .Include(i => i.Tags)
            .Include(i => i.Labels)
            .SingleOrDefaultAsync(i => i.Id == imageId, cancellationToken);
        return image is null
            ? RegistryResult<Image>.Failure(RegistryError.NotFound, $"There is no image with id {imageId}.")
            : RegistryResult<Image>.Success(image);
    }

    /// <summary>
    /// Creates the image for (container, digest, arch), or returns the existing one: pushing again is not
    /// an error. When the store already holds the content the image is created uploaded (with the size and
    /// SIF facts of another image of the same content, if any), so the client skips the upload.
    /// </summary>
    /// <param name="containerId">The container's id.</param>
    /// <param name="digest">The sha256, as <c>sha256.hex</c>, <c>sha256:hex</c> or bare hex.</param>
    /// <param name="arch">The architecture; null or empty when unknown until the bytes arrive.</param>
    /// <param name="caller">Who asks; needs push rights on the collection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The image with its container, collection and entity.</returns>
    public async Task<RegistryResult<Image>> CreateImageAsync(
        long containerId, string digest, string? arch, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!BlobDigest.TryParse(digest, out var content))
            return RegistryResult<Image>.Failure(RegistryError.InvalidDigest,
                $"The image hash '{NameValidation.Shown(digest ?? "")}' is not valid; expected sha256.<64 hexadecimal characters>.");
        // The library client creates images without an architecture: it stays unknown ("") until the
        // SIF's own arrives with the bytes.
        arch ??= "";
        if (arch.Length > 0 && !NameValidation.TryValidateArch(arch, out var error))
            return RegistryResult<Image>.Failure(RegistryError.InvalidName, error);

        var container = await db.VisibleContainers(caller).Include(c => c.Collection).ThenInclude(c => c.Entity)
            .SingleOrDefaultAsync(c => c.Id == containerId, cancellationToken);
        if (container is null)
            return RegistryResult<Image>.Failure(RegistryError.NotFound, $"There is no container with id {containerId}.");
        if (!await db.IsAllowedAsync(container.CollectionId, AccessPolicy.CanPush(caller), cancellationToken))
            return RegistryResult<Image>.Failure(RegistryError.Forbidden,
                $"You may not push to '{CatalogText.Path(container)}': only its collection's owners, contributors and administrators may, with a token that allows push.");
        if (await FindAsync(containerId, content, arch, cancellationToken) is { } existing)
            return RegistryResult<Image>.Success(existing);
        if (container.IsFrozen)
            return RegistryResult<Image>.Failure(RegistryError.Frozen, $"The container '{CatalogText.Path(container)}' is frozen (read-only): no new images can be pushed to it.");

        var image = await NewImageAsync(container, content, arch, caller, cancellationToken);
        db.Images.Add(image);
        audit.Record(caller.Actor, CatalogAuditActions.ImageCreate, CatalogText.ImageTarget(container, image), new { arch, image.Uploaded });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            // A concurrent push of the same image won; it is the same image, so hand that one back.
            SaveConflicts.DiscardAdded(db);
            if (await FindAsync(containerId, content, arch, cancellationToken) is { } winner)
                return RegistryResult<Image>.Success(winner);
            throw;
        }

        return RegistryResult<Image>.Success(image);
    }

    /// <summary>
    /// Deletes the image a reference names (resolved as in <see cref="GetImageAsync"/>) with its tags and
    /// labels, in one transaction with its audit event. The blob is left for the garbage collector.
    /// </summary>
    /// <returns>
    /// The deleted image; <see cref="RegistryError.NotFound"/> for callers who may not see it,
    /// <see cref="RegistryError.Forbidden"/> for those who see it but own neither it nor its collection or entity,
    /// <see cref="RegistryError.Frozen"/> when its container is frozen.
    /// </returns>
    public async Task<RegistryResult<DeletedImage>> DeleteImageAsync(
        ImageReference reference, string? arch, Caller caller, CancellationToken cancellationToken = default)
    {
        var resolved = await db.ResolveImageAsync(reference, arch, caller, track: true, cancellationToken);
        if (!resolved.Succeeded)
            return RegistryResult<DeletedImage>.Failure(resolved.Error, resolved.Message);
        var image = resolved.Value;
        var container = image.Container;
        var path = CatalogText.Path(container, image);
        if (!await db.IsAllowedAsync(container.CollectionId, AccessPolicy.CanDelete(caller), cancellationToken))
            return RegistryResult<DeletedImage>.Failure(RegistryError.Forbidden,
                $"You may not delete '{reference}': only the owners of its collection or entity and administrators may, with a token that allows delete.");
        if (container.IsFrozen)
            return RegistryResult<DeletedImage>.Failure(RegistryError.Frozen, $"The container '{CatalogText.Path(container)}' is frozen (read-only): its images cannot be deleted.");

        var tags = image.Tags.Select(t => $"{t.Arch}/{t.Name}").ToArray();

        // Tags are loaded, so EF deletes them with the image; labels and share links go by the database's cascade.
        db.Images.Remove(image);
        audit.Record(caller.Actor, CatalogAuditActions.ImageDelete, CatalogText.ImageTarget(container, image), new { image.Arch, tags });
        await db.SaveChangesAsync(cancellationToken);

        var digest = BlobDigest.Parse(image.Digest);
        var unreferenced = await store.CountReferencesAsync(digest, cancellationToken) == 0
            && await db.Blobs.AnyAsync(b => b.Digest == image.Digest, cancellationToken);
        return RegistryResult<DeletedImage>.Success(new DeletedImage(image.Id, path, digest, unreferenced));
    }

    /// <summary>Counts one download of the image; false when there is no such image. Atomic under concurrent downloads.</summary>
    public async Task<bool> RecordDownloadAsync(long imageId, CancellationToken cancellationToken = default) =>
        await db.Images.Where(i => i.Id == imageId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.DownloadCount, i => i.DownloadCount + 1), cancellationToken) > 0;

    // Without an architecture any image of these bytes in the container is the one asked for (the
    // content decides the architecture); one still waiting for its bytes comes first.
    private Task<Image?> FindAsync(long containerId, BlobDigest content, string arch, CancellationToken cancellationToken) =>
        db.Images.Include(i => i.Container).ThenInclude(c => c.Collection).ThenInclude(c => c.Entity).Include(i => i.Tags)
            .Where(i => i.ContainerId == containerId && i.Digest == content.Hex && (arch == "" || i.Arch == arch))
            .OrderBy(i => i.Arch == arch ? 0 : 1)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<Image> NewImageAsync(Container container, BlobDigest content, string arch, Caller caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var image = new Image { Container = container, Digest = content.Hex, Arch = arch, CreatedByUserId = caller.UserId, CreatedAt = now };
        // Only bytes an uploaded image already uses were checked as a SIF of a known architecture; any
        // other stored bytes must come through an upload, which checks them. The new image inherits
        // the twin's SIF facts, since no bytes arrive to read them from.
        var twin = await db.Images.AsNoTracking().Where(i => i.Digest == content.Hex && i.Uploaded).OrderBy(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        if (twin is null || (arch.Length > 0 && arch != twin.Arch) || !await store.ExistsAsync(content, cancellationToken))
            return image;
        image.Arch = twin.Arch;
        image.Uploaded = true;
        image.UploadedAt = now;
        image.Size = twin.Size;
        image.MediaType = twin.MediaType;
        image.Signed = twin.Signed;
        image.Encrypted = twin.Encrypted;
        image.Fingerprints = twin.Fingerprints;
        image.DefinitionFile = twin.DefinitionFile;
        return image;
    }
}
