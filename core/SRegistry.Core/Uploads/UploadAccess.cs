using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Uploads;

/// <summary>Asks the catalog whether a caller may send an image's bytes: it must be allowed to push to the image's collection.</summary>
internal sealed class UploadAccess(ImageCatalog images, RegistryDbContext db)
{
    /// <summary>
    /// The image (untracked, with its container, collection and entity) when the caller may push to it.
    /// NotFound when the caller may not even see it, Forbidden when it may only look, Frozen when its
    /// container takes no new images.
    /// </summary>
    public async Task<RegistryResult<Image>> FindPushableAsync(long imageId, Caller caller, CancellationToken cancellationToken)
    {
        var found = await images.GetImageByIdAsync(imageId, caller, cancellationToken);
        if (!found.Succeeded)
            return found;
        var container = found.Value.Container;
        if (!await db.IsAllowedAsync(container.CollectionId, AccessPolicy.CanPush(caller), cancellationToken))
            return RegistryResult<Image>.Failure(RegistryError.Forbidden,
                $"You may not upload to '{CatalogText.Path(container)}': only its collection's owners, contributors and administrators may, with a token that allows push.");
        if (container.IsFrozen && !found.Value.Uploaded)
            return RegistryResult<Image>.Failure(RegistryError.Frozen,
                $"The container '{CatalogText.Path(container)}' is frozen (read-only): no new images can be pushed to it.");
        return found;
    }
}
