using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Catalog;

/// <summary>Collections: the unit of privacy. A private collection is invisible (not found) to those who may not see it.</summary>
public sealed class CollectionCatalog(RegistryDbContext db, AuditLog audit, TimeProvider time, IOptions<CatalogOptions> options)
{
    /// <summary>The collection with its <see cref="Collection.Entity"/> and <see cref="Collection.Containers"/>.</summary>
    public async Task<RegistryResult<Collection>> GetCollectionAsync(
        string entityName, string collectionName, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!NameValidation.TryValidatePart(entityName, "entity name", out var error)
            || !NameValidation.TryValidatePart(collectionName, "collection name", out error))
            return RegistryResult<Collection>.Failure(RegistryError.InvalidName, error);

        var collection = await db.VisibleCollections(caller).AsNoTracking()
            .Include(c => c.Entity)
            .Include(c => c.Containers.OrderBy(k => k.Name))
            .SingleOrDefaultAsync(c => c.Name == collectionName && c.Entity.Name == entityName, cancellationToken);
        return collection is null
            ? RegistryResult<Collection>.Failure(RegistryError.NotFound, $"There is no collection '{entityName}/{collectionName}'.")
            : RegistryResult<Collection>.Success(collection);
    }

    /// <summary>
    /// Creates a collection in an entity the caller owns (or any, for administrators; or the ownerless
    /// <c>default</c> entity, where the creator becomes the collection's owner member). It is private when
    /// <paramref name="isPrivate"/> says so or, when that is null, when the entity's
    /// <see cref="Entity.DefaultPrivate"/> or <see cref="CatalogOptions.DefaultPrivate"/> is set: either
    /// asking for privacy is enough, because a collection made public by mistake cannot be unpublished.
    /// </summary>
    /// <param name="entityId">The entity's id.</param>
    /// <param name="name">The collection name (part rule).</param>
    /// <param name="description">An optional description.</param>
    /// <param name="isPrivate">Whether it is private; null for the defaults above.</param>
    /// <param name="caller">Who asks; needs the <c>push</c> scope.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The collection with its <see cref="Collection.Entity"/>.</returns>
    public async Task<RegistryResult<Collection>> CreateCollectionAsync(
        long entityId, string name, string? description, bool? isPrivate, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!NameValidation.TryValidatePart(name, "collection name", out var error))
            return RegistryResult<Collection>.Failure(RegistryError.InvalidName, error);
        var entity = await db.Entities.SingleOrDefaultAsync(e => e.Id == entityId, cancellationToken);
        if (entity is null)
            return RegistryResult<Collection>.Failure(RegistryError.NotFound, $"There is no entity with id {entityId}.");
        if (!await db.Entities.Where(e => e.Id == entityId).AnyAsync(AccessPolicy.CanCreateCollectionIn(caller), cancellationToken))
            return RegistryResult<Collection>.Failure(RegistryError.Forbidden,
                $"You may not create collections in the entity '{entity.Name}': only its owner and administrators may (anyone signed in, in the ownerless '{Entity.DefaultName}' entity), with a token that allows push.");
        if (await db.Collections.AnyAsync(c => c.EntityId == entityId && c.Name == name, cancellationToken))
            return AlreadyExists(entity, name);

        var now = time.GetUtcNow();
        var collection = new Collection
        {
            Entity = entity,
            Name = name,
            Description = CatalogText.Description(description),
            IsPrivate = isPrivate ?? (entity.DefaultPrivate || options.Value.DefaultPrivate),
            CreatedAt = now,
            UpdatedAt = now,
        };
        // Without an owning user or team (the default entity) the creator would lose the collection to
        // nobody; making them its owner member gives them push, delete and sight of it if private.
        if (entity.OwnerUserId is null && entity.OwnerTeamId is null && caller.UserId is { } creatorId)
            collection.Members.Add(new CollectionMember { UserId = creatorId, Role = CollectionRole.Owner });
        db.Collections.Add(collection);
        audit.Record(caller.Actor, CatalogAuditActions.CollectionCreate, $"collection:{CatalogText.Path(collection)}", new { collection.IsPrivate });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            SaveConflicts.DiscardAdded(db);
            return AlreadyExists(entity, name);
        }

        return RegistryResult<Collection>.Success(collection);
    }

    private static RegistryResult<Collection> AlreadyExists(Entity entity, string name) =>
        RegistryResult<Collection>.Failure(RegistryError.AlreadyExists, $"The collection '{entity.Name}/{name}' already exists.");
}
