using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Catalog;

/// <summary>
/// Tags of a container: (arch, name) → image. Tags are only ever looked up inside the container the
/// request names, and the database key (container, image) keeps a tag from pointing into another one.
/// </summary>
public sealed class TagCatalog(RegistryDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>The container's tags as arch → tag → image id (the library API's <c>archTags</c>).</summary>
    public async Task<RegistryResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>>> GetTagsAsync(
        long containerId, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!await db.VisibleContainers(caller).AnyAsync(c => c.Id == containerId, cancellationToken))
            return RegistryResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>>.Failure(
                RegistryError.NotFound, $"There is no container with id {containerId}.");

        var tags = await db.Tags.AsNoTracking().Where(t => t.ContainerId == containerId)
            .Select(t => new { t.Arch, t.Name, t.ImageId }).ToListAsync(cancellationToken);
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> byArch = tags
            .GroupBy(t => t.Arch, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, long>)g.ToDictionary(t => t.Name, t => t.ImageId, StringComparer.Ordinal),
                StringComparer.Ordinal);
        return RegistryResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>>.Success(byArch);
    }

    /// <summary>
    /// Points the tag at the image, creating it or moving it from another image of the same container
    /// (in one transaction with its audit event). Setting a tag to the image it already names changes nothing.
    /// </summary>
    /// <param name="containerId">The container; the tag and the image must both belong to it.</param>
    /// <param name="arch">The tag's architecture; null or empty for the image's. Must match the image's.</param>
    /// <param name="tag">The tag name (OCI rule of <see cref="NameValidation.TryValidateTag"/>).</param>
    /// <param name="imageId">An uploaded image of this container.</param>
    /// <param name="caller">Who asks; needs push rights on the collection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The tag; <see cref="RegistryError.NotFound"/> when the container is not visible or the image is not
    /// in it, <see cref="RegistryError.Frozen"/> when the container is frozen (the tag keeps its image),
    /// <see cref="RegistryError.Conflict"/> when the architectures differ or the image has no bytes yet.
    /// </returns>
    public async Task<RegistryResult<Tag>> SetTagAsync(
        long containerId, string? arch, string tag, long imageId, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!NameValidation.TryValidateTag(tag, out var error))
            return Refuse(RegistryError.InvalidName, error);
        arch = string.IsNullOrEmpty(arch) ? null : arch;
        if (arch is not null && !NameValidation.TryValidateArch(arch, out error))
            return Refuse(RegistryError.InvalidName, error);

        var container = await db.VisibleContainers(caller).Include(c => c.Collection).ThenInclude(c => c.Entity)
            .SingleOrDefaultAsync(c => c.Id == containerId, cancellationToken);
        if (container is null)
            return Refuse(RegistryError.NotFound, $"There is no container with id {containerId}.");
        var path = CatalogText.Path(container);
        if (!await db.IsAllowedAsync(container.CollectionId, AccessPolicy.CanPush(caller), cancellationToken))
            return Refuse(RegistryError.Forbidden,
                $"You may not tag images in '{path}': only its collection's owners, contributors and administrators may, with a token that allows push.");

        var image = await db.Images.SingleOrDefaultAsync(i => i.Id == imageId && i.ContainerId == containerId, cancellationToken);
        if (image is null)
            return Refuse(RegistryError.NotFound, $"The container '{path}' has no image with id {imageId}.");
        arch ??= image.Arch;
        if (arch != image.Arch)
            return Refuse(RegistryError.Conflict, $"Image {imageId} is for {image.Arch}, so it cannot be tagged for {arch}.");
        if (!image.Uploaded)
            return Refuse(RegistryError.Conflict, $"Image {imageId} has no content yet; upload it before tagging it.");

        var existing = await db.Tags.SingleOrDefaultAsync(t => t.ContainerId == containerId && t.Arch == arch && t.Name == tag, cancellationToken);
        if (existing?.ImageId == imageId)
            return RegistryResult<Tag>.Success(existing);
        if (container.IsFrozen)
            return Refuse(RegistryError.Frozen, $"The container '{path}' is frozen (read-only): its tags cannot be set or moved.");

        var target = $"tag:{path}:{tag}@{arch}";
        if (existing is null)
        {
            existing = new Tag { ContainerId = containerId, Arch = arch, Name = tag, ImageId = imageId };
            db.Tags.Add(existing);
            audit.Record(caller.Actor, CatalogAuditActions.TagSet, target, new { imageId });
        }
        else
        {
            audit.Record(caller.Actor, CatalogAuditActions.TagMove, target, new { fromImageId = existing.ImageId, toImageId = imageId });
            existing.ImageId = imageId;
        }

        existing.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            // Another request created the same tag between our read and our write. Guessing which of the two
            // should win could silently undo a push, so this one is refused and the client may retry (and move it).
            SaveConflicts.DiscardAdded(db);
            return Refuse(RegistryError.Conflict, $"The tag '{tag}' of '{path}' for {arch} was set by another request at the same time; try again.");
        }

        return RegistryResult<Tag>.Success(existing);
    }

    /// <summary>
    /// Removes a tag (its image stays). Without an architecture the tag must exist for one only;
    /// removing a tag that does not exist is not found.
    /// </summary>
    public async Task<RegistryResult<Tag>> DeleteTagAsync(long containerId, string? arch, string tag, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!NameValidation.TryValidateTag(tag, out var error))
            return Refuse(RegistryError.InvalidName, error);
        arch = string.IsNullOrEmpty(arch) ? null : arch;
        var container = await db.VisibleContainers(caller).Include(c => c.Collection).ThenInclude(c => c.Entity)
            .SingleOrDefaultAsync(c => c.Id == containerId, cancellationToken);
        if (container is null)
            return Refuse(RegistryError.NotFound, $"There is no container with id {containerId}.");
        var path = CatalogText.Path(container);
        if (!await db.IsAllowedAsync(container.CollectionId, AccessPolicy.CanPush(caller), cancellationToken))
            return Refuse(RegistryError.Forbidden,
                $"You may not remove tags in '{path}': only its collection's owners, contributors and administrators may, with a token that allows push.");

        var tags = await db.Tags.Where(t => t.ContainerId == containerId && t.Name == tag && (arch == null || t.Arch == arch)).ToListAsync(cancellationToken);
        if (tags.Count == 0)
            return Refuse(RegistryError.NotFound, $"The container '{path}' has no tag '{tag}'{(arch is null ? "" : $" for {arch}")}.");
        if (tags.Count > 1)
            return Refuse(RegistryError.Conflict, $"The tag '{tag}' of '{path}' exists for {string.Join(", ", tags.Select(t => t.Arch))}; name the architecture to remove.");
        if (container.IsFrozen)
            return Refuse(RegistryError.Frozen, $"The container '{path}' is frozen (read-only): its tags cannot be removed.");

        db.Tags.Remove(tags[0]);
        audit.Record(caller.Actor, CatalogAuditActions.TagDelete, $"tag:{path}:{tag}@{tags[0].Arch}", new { tags[0].ImageId });
        await db.SaveChangesAsync(cancellationToken);
        return RegistryResult<Tag>.Success(tags[0]);
    }

    private static RegistryResult<Tag> Refuse(RegistryError error, string message) => RegistryResult<Tag>.Failure(error, message);
}
