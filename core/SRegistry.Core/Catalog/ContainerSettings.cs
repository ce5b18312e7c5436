using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Catalog;

/// <summary>What owners change about a container: its descriptions, and deleting it. Freezing is <see cref="ContainerCatalog.SetFrozenAsync"/>.</summary>
public sealed class ContainerSettings(RegistryDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>Changes the short and the full description (null keeps one, empty clears it).</summary>
    public async Task<RegistryResult<Container>> UpdateAsync(
        long containerId, string? description, string? fullDescription, Caller caller, CancellationToken cancellationToken = default)
    {
        var container = await OwnedAsync(containerId, caller, "change", cancellationToken);
        if (!container.Succeeded)
            return container;
        if (description is not null)
            container.Value.Description = CatalogText.Description(description);
        if (fullDescription is not null)
            container.Value.FullDescription = CatalogText.Description(fullDescription);
        container.Value.UpdatedAt = time.GetUtcNow();
        audit.Record(caller.Actor, CatalogAuditActions.ContainerUpdate, "container:" + CatalogText.Path(container.Value));
        await db.SaveChangesAsync(cancellationToken);
        return container;
    }

    /// <summary>
    /// Deletes the container with its images and tags in one transaction; refused while it is frozen.
    /// The content stays in the store for the garbage collector.
    /// </summary>
    public async Task<RegistryResult<Container>> DeleteAsync(long containerId, Caller caller, CancellationToken cancellationToken = default)
    {
        var container = await OwnedAsync(containerId, caller, "delete", cancellationToken);
        if (!container.Succeeded)
            return container;
        if (container.Value.IsFrozen)
            return RegistryResult<Container>.Failure(RegistryError.Frozen, $"The container '{CatalogText.Path(container.Value)}' is frozen (read-only); unfreeze it before deleting it.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // OCI manifests hold their container (their tags and references go with them), so they go first.
        await db.Manifests.Where(m => m.ContainerId == containerId).ExecuteDeleteAsync(cancellationToken);
        await db.Images.Where(i => i.ContainerId == containerId).ExecuteDeleteAsync(cancellationToken);
        db.Containers.Remove(container.Value);
        audit.Record(caller.Actor, CatalogAuditActions.ContainerDelete, "container:" + CatalogText.Path(container.Value));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return container;
    }

    private async Task<RegistryResult<Container>> OwnedAsync(long containerId, Caller caller, string verb, CancellationToken cancellationToken)
    {
        var container = await db.VisibleContainers(caller).Include(c => c.Collection).ThenInclude(c => c.Entity)
            .SingleOrDefaultAsync(c => c.Id == containerId, cancellationToken);
        if (container is null)
            return RegistryResult<Container>.Failure(RegistryError.NotFound, $"There is no container with id {containerId}.");
        if (!await db.IsAllowedAsync(container.CollectionId, AccessPolicy.CanDelete(caller), cancellationToken))
            return RegistryResult<Container>.Failure(RegistryError.Forbidden,
                $"You may not {verb} '{CatalogText.Path(container)}': only the owners of its collection or entity and administrators may, with a token that allows delete.");
        return RegistryResult<Container>.Success(container);
    }
}
