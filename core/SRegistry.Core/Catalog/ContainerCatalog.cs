using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Catalog;

/// <summary>Containers: lookup by name or id (inside collections the caller may see) and creation.</summary>
public sealed class ContainerCatalog(RegistryDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// The container with its <see cref="Container.Collection"/> (and that one's
    /// <see cref="Collection.Entity"/>), <see cref="Container.Images"/> and <see cref="Container.Tags"/>.
    /// </summary>
    public async Task<RegistryResult<Container>> GetContainerAsync(
        string entityName, string collectionName, string containerName, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!NameValidation.TryValidatePart(entityName, "entity name", out var error)
            || !NameValidation.TryValidatePart(collectionName, "collection name", out error)
            || !NameValidation.TryValidatePart(containerName, "container name", out error))
            return RegistryResult<Container>.Failure(RegistryError.InvalidName, error);

        var container = await WithContents(caller).SingleOrDefaultAsync(
            c => c.Name == containerName && c.Collection.Name == collectionName && c.Collection.Entity.Name == entityName, cancellationToken);
        return container is null
            ? RegistryResult<Container>.Failure(RegistryError.NotFound, $"There is no container '{entityName}/{collectionName}/{containerName}'.")
            : RegistryResult<Container>.Success(container);
    }

    /// <summary>Like <see cref="GetContainerAsync"/>, by id (the library API addresses tags by container id).</summary>
    public async Task<RegistryResult<Container>> GetContainerByIdAsync(long containerId, Caller caller, CancellationToken cancellationToken = default)
    {
        var container = await WithContents(caller).SingleOrDefaultAsync(c => c.Id == containerId, cancellationToken);
        return container is null
            ? RegistryResult<Container>.Failure(RegistryError.NotFound, $"There is no container with id {containerId}.")
            : RegistryResult<Container>.Success(container);
    }

    /// <summary>
    /// Freezes a container (read-only: no new images, tag moves or deletes) or thaws it. Only those
    /// who may delete in its collection (owners, administrators) may.
    /// </summary>
    public async Task<RegistryResult<Container>> SetFrozenAsync(long containerId, bool frozen, Caller caller, CancellationToken cancellationToken = default)
    {
        var container = await db.VisibleContainers(caller).Include(c => c.Collection).ThenInclude(c => c.Entity)
            .SingleOrDefaultAsync(c => c.Id == containerId, cancellationToken);
        if (container is null)
            return RegistryResult<Container>.Failure(RegistryError.NotFound, $"There is no container with id {containerId}.");
        if (!await db.IsAllowedAsync(container.CollectionId, AccessPolicy.CanDelete(caller), cancellationToken))
            return RegistryResult<Container>.Failure(RegistryError.Forbidden,
                $"You may not freeze or thaw '{CatalogText.Path(container)}': only the owners of its collection or entity and administrators may.");
        if (container.IsFrozen == frozen)
            return RegistryResult<Container>.Success(container);

        container.IsFrozen = frozen;
        container.UpdatedAt = time.GetUtcNow();
        audit.Record(caller.Actor, frozen ? CatalogAuditActions.ContainerFreeze : CatalogAuditActions.ContainerUnfreeze, "container:" + CatalogText.Path(container));
        await db.SaveChangesAsync(cancellationToken);
        return RegistryResult<Container>.Success(container);
    }

    /// <summary>Creates a container in a collection the caller may push to.</summary>
    /// <param name="collectionId">The collection's id.</param>
    /// <param name="name">The container name (part rule).</param>
    /// <param name="description">An optional description.</param>
    /// <param name="caller">Who asks; needs the <c>push</c> scope.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The container with its collection and entity.</returns>
    public async Task<RegistryResult<Container>> CreateContainerAsync(
        long collectionId, string name, string? description, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!NameValidation.TryValidatePart(name, "container name", out var error))
            return RegistryResult<Container>.Failure(RegistryError.InvalidName, error);
        var collection = await db.VisibleCollections(caller).Include(c => c.Entity).SingleOrDefaultAsync(c => c.Id == collectionId, cancellationToken);
        if (collection is null)
            return RegistryResult<Container>.Failure(RegistryError.NotFound, $"There is no collection with id {collectionId}.");
        if (!await db.IsAllowedAsync(collectionId, AccessPolicy.CanPush(caller), cancellationToken))
            return RegistryResult<Container>.Failure(RegistryError.Forbidden,
                $"You may not push to the collection '{CatalogText.Path(collection)}': only its owners, contributors and administrators may, with a token that allows push.");
        if (await db.Containers.AnyAsync(c => c.CollectionId == collectionId && c.Name == name, cancellationToken))
            return AlreadyExists(collection, name);

        var now = time.GetUtcNow();
        var container = new Container
        {
            Collection = collection,
            Name = name,
            Description = CatalogText.Description(description),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Containers.Add(container);
        audit.Record(caller.Actor, CatalogAuditActions.ContainerCreate, $"container:{CatalogText.Path(container)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            SaveConflicts.DiscardAdded(db);
            return AlreadyExists(collection, name);
        }

        return RegistryResult<Container>.Success(container);
    }

    private IQueryable<Container> WithContents(Caller caller) =>
        db.VisibleContainers(caller).AsNoTracking().AsSplitQuery()
            .Include(c => c.Collection).ThenInclude(c => c.Entity)
            .Include(c => c.Images.OrderBy(i => i.Id))
            .Include(c => c.Tags.OrderBy(t => t.Arch).ThenBy(t => t.Name));

    private static RegistryResult<Container> AlreadyExists(Collection collection, string name) =>
        RegistryResult<Container>.Failure(RegistryError.AlreadyExists, $"The container '{CatalogText.Path(collection)}/{name}' already exists.");
}
