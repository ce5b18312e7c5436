using Microsoft.EntityFrameworkCore;
using SRegistry.Core;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Server.Uploads;

/// <summary>
/// Finds or creates the container a one-request push goes to (sregistry-cli, which names no entity and
/// so pushes to <c>default</c>, and the browser). The entity must exist; a missing collection is created
/// with the caller's rights (see <see cref="AccessPolicy.CanCreateCollectionIn"/>), as the library door
/// does, and a missing container too.
/// </summary>
public sealed class PushTargets(RegistryDbContext db, EntityCatalog entities, CollectionCatalog collections, ContainerCatalog containers)
{
    /// <summary>The container the caller may push to, created with its collection when missing.</summary>
    public async Task<RegistryResult<Container>> FindOrCreateAsync(
        string entityName, string collectionName, string containerName, Caller caller, CancellationToken cancellationToken)
    {
        var collection = await FindOrCreateCollectionAsync(entityName, collectionName, caller, cancellationToken);
        if (!collection.Succeeded)
            return RegistryResult<Container>.Failure(collection.Error, collection.Message);
        var collectionId = collection.Value.Id;
        if (!await db.Collections.Where(c => c.Id == collectionId).AnyAsync(AccessPolicy.CanPush(caller), cancellationToken))
            return RegistryResult<Container>.Failure(RegistryError.Forbidden,
                $"You may not push to the collection '{entityName}/{collectionName}': it belongs to someone else.");

        var found = await containers.GetContainerAsync(entityName, collectionName, containerName, caller, cancellationToken);
        if (found.Error != RegistryError.NotFound)
            return found;
        var created = await containers.CreateContainerAsync(collectionId, containerName, null, caller, cancellationToken);
        return created.Error == RegistryError.AlreadyExists
            ? await containers.GetContainerAsync(entityName, collectionName, containerName, caller, cancellationToken)
            : created;
    }

    private async Task<RegistryResult<Collection>> FindOrCreateCollectionAsync(string entityName, string name, Caller caller, CancellationToken cancellationToken)
    {
        var found = await collections.GetCollectionAsync(entityName, name, caller, cancellationToken);
        if (found.Error != RegistryError.NotFound)
            return found;
        var entity = await entities.GetEntityAsync(entityName, caller, cancellationToken);
        if (!entity.Succeeded)
            return RegistryResult<Collection>.Failure(entity.Error, entity.Message);

        var created = await collections.CreateCollectionAsync(entity.Value.Id, name, null, null, caller, cancellationToken);
        if (created.Error != RegistryError.AlreadyExists)
            return created;

        // Created a moment ago by a concurrent push (visible now), or someone else's private collection.
        found = await collections.GetCollectionAsync(entityName, name, caller, cancellationToken);
        return found.Succeeded
            ? found
            : RegistryResult<Collection>.Failure(RegistryError.Forbidden, $"You may not push to the collection '{entityName}/{name}': it belongs to someone else.");
    }
}
