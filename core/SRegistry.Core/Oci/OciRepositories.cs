using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Accounts;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Oci;

/// <summary>
/// OCI repositories are the catalog's containers: found only inside collections the caller may see
/// (so a private repository is as unknown as a missing one), created on first push like the library
/// door's client creates them, with the same <see cref="AccessPolicy"/>.
/// </summary>
public sealed class OciRepositories(RegistryDbContext db, EntityCatalog entities, CollectionCatalog collections, ContainerCatalog containers)
{
    /// <summary>The container with its collection and entity, or null when it does not exist or the caller may not see it.</summary>
    public Task<Container?> FindAsync(RepositoryName name, Caller caller, CancellationToken cancellationToken) =>
        db.VisibleContainers(caller).Include(c => c.Collection).ThenInclude(c => c.Entity)
            .SingleOrDefaultAsync(c => c.Name == name.Container && c.Collection.Name == name.Collection && c.Collection.Entity.Name == name.Entity, cancellationToken);

    public Task<bool> MayPushAsync(Container container, Caller caller, CancellationToken cancellationToken) =>
        db.IsAllowedAsync(container.CollectionId, AccessPolicy.CanPush(caller), cancellationToken);

    public Task<bool> MayDeleteAsync(Container container, Caller caller, CancellationToken cancellationToken) =>
        db.IsAllowedAsync(container.CollectionId, AccessPolicy.CanDelete(caller), cancellationToken);

    /// <summary>
    /// The actions (<c>pull</c>, <c>push</c>, <c>delete</c>) the caller may take on a repository, for a token's
    /// grants. A repository that does not exist yet may be pulled and pushed by whoever could create it by pushing.
    /// </summary>
    public async Task<IReadOnlySet<string>> AllowedActionsAsync(RepositoryName name, Caller caller, CancellationToken cancellationToken)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        if (await FindAsync(name, caller, cancellationToken) is { } container)
        {
            allowed.Add(TokenScopes.Pull);
            if (await MayPushAsync(container, caller, cancellationToken)) allowed.Add(TokenScopes.Push);
            if (await MayDeleteAsync(container, caller, cancellationToken)) allowed.Add(TokenScopes.Delete);
        }
        else if (await MayCreateAsync(name, caller, cancellationToken))
        {
            allowed.Add(TokenScopes.Pull);
            allowed.Add(TokenScopes.Push);
        }

        return allowed;
    }

    /// <summary>The container a push goes to, created with its collection (and the caller's own entity) when missing.</summary>
    /// <returns>The container with its collection and entity; NameUnknown when invisible, Denied when the caller may not push.</returns>
    public async Task<OciResult<Container>> FindOrCreateForPushAsync(RepositoryName name, Caller caller, CancellationToken cancellationToken)
    {
        var container = await FindAsync(name, caller, cancellationToken);
        if (container is null)
        {
            // Missing and invisible look the same: a push the caller could not create is as unknown as a private repository.
            if (!await MayCreateAsync(name, caller, cancellationToken))
                return Unknown(name);
            var (error, message) = await CreateAsync(name, caller, cancellationToken);
            if (error != OciError.None)
                return OciResult<Container>.Failure(error, message);
            container = await FindAsync(name, caller, cancellationToken);
            if (container is null)
                return Unknown(name);
        }

        if (!await MayPushAsync(container, caller, cancellationToken))
            return OciResult<Container>.Failure(OciError.Denied, $"You may not push to '{name}': only its collection's owners, contributors and administrators may.");
        if (container.IsFrozen)
            return OciResult<Container>.Failure(OciError.Denied, $"The repository '{name}' is frozen (read-only).");
        return OciResult<Container>.Success(container);
    }

    /// <summary>The names (<c>entity/collection/container</c>) of the repositories the caller may see, in order, after <paramref name="last"/>.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(Caller caller, string? last, int limit, CancellationToken cancellationToken)
    {
        var names = await db.VisibleContainers(caller)
            .Select(c => c.Collection.Entity.Name + "/" + c.Collection.Name + "/" + c.Name)
            .ToListAsync(cancellationToken);

        // Ordered here, by ordinal string order as the spec wants it, not by the database's collation.
        return [.. names.Where(n => last is null || string.CompareOrdinal(n, last) > 0).Order(StringComparer.Ordinal).Take(limit)];
    }

    private async Task<bool> MayCreateAsync(RepositoryName name, Caller caller, CancellationToken cancellationToken)
    {
        if (caller.IsAnonymous || !caller.Allows(TokenScopes.Push))
            return false;
        var collection = await db.Collections.Where(c => c.Name == name.Collection && c.Entity.Name == name.Entity)
            .Select(c => (long?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (collection is { } collectionId)
            return await db.IsAllowedAsync(collectionId, AccessPolicy.CanPush(caller), cancellationToken);
        if (await db.Entities.AnyAsync(e => e.Name == name.Entity, cancellationToken))
            return await db.Entities.Where(e => e.Name == name.Entity).AnyAsync(AccessPolicy.CanCreateCollectionIn(caller), cancellationToken);
        return AccessPolicy.MayCreateEntity(caller, name.Entity, ownsTeamOfThatName: false);
    }

    // Creates what is missing of the path; None when the container exists afterwards (made now or by a concurrent push).
    private async Task<(OciError Error, string Message)> CreateAsync(RepositoryName name, Caller caller, CancellationToken cancellationToken)
    {
        var collection = await collections.GetCollectionAsync(name.Entity, name.Collection, caller, cancellationToken);
        if (collection.Error == RegistryError.NotFound)
        {
            var entity = await entities.GetEntityAsync(name.Entity, caller, cancellationToken);
            if (entity.Error == RegistryError.NotFound)
                entity = await entities.CreateEntityAsync(name.Entity, null, null, caller, cancellationToken);
            if (!entity.Succeeded && entity.Error != RegistryError.AlreadyExists)
                return Refused(entity.Error, entity.Message, name);

            var entityId = entity.Value?.Id ?? await db.Entities.Where(e => e.Name == name.Entity).Select(e => e.Id).SingleAsync(cancellationToken);
            collection = await collections.CreateCollectionAsync(entityId, name.Collection, null, null, caller, cancellationToken);
            if (collection.Error == RegistryError.AlreadyExists)
                collection = await collections.GetCollectionAsync(name.Entity, name.Collection, caller, cancellationToken);
        }

        if (!collection.Succeeded)
            return Refused(collection.Error, collection.Message, name);
        var container = await containers.CreateContainerAsync(collection.Value!.Id, name.Container, null, caller, cancellationToken);
        return container.Succeeded || container.Error == RegistryError.AlreadyExists
            ? (OciError.None, "")
            : Refused(container.Error, container.Message, name);
    }

    private static (OciError, string) Refused(RegistryError error, string message, RepositoryName name) => error switch
    {
        RegistryError.Forbidden or RegistryError.Frozen => (OciError.Denied, message),
        RegistryError.InvalidName => (OciError.NameInvalid, message),
        _ => (OciError.NameUnknown, $"There is no repository '{name}'."),
    };

    private static OciResult<Container> Unknown(RepositoryName name) =>
        OciResult<Container>.Failure(OciError.NameUnknown, $"There is no repository '{name}'.");
}
