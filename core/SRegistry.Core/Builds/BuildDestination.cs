using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Builds;

/// <summary>
/// Finds, or creates, the container a build's image goes to, with the rights of whoever the build acts
/// for: a collection or container they could not create themselves is not created for them either.
/// </summary>
public sealed class BuildDestination(EntityCatalog entities, CollectionCatalog collections, ContainerCatalog containers)
{
    /// <summary>The destination container, created (with its collection, private) when missing.</summary>
    public async Task<RegistryResult<Container>> EnsureAsync(Build build, Caller caller, CancellationToken cancellationToken)
    {
        var existing = await containers.GetContainerAsync(build.Entity, build.Collection, build.Container, caller, cancellationToken);
        if (existing.Succeeded || existing.Error != RegistryError.NotFound)
            return existing;

        var collection = await collections.GetCollectionAsync(build.Entity, build.Collection, caller, cancellationToken);
        if (!collection.Succeeded && collection.Error == RegistryError.NotFound)
        {
            var entity = await entities.GetEntityAsync(build.Entity, caller, cancellationToken);
            if (!entity.Succeeded)
                return RegistryResult<Container>.Failure(entity.Error, entity.Message);
            // Private: a build must not publish anything its owner did not decide to publish.
            collection = await collections.CreateCollectionAsync(entity.Value.Id, build.Collection, null, true, caller, cancellationToken);
        }

        if (!collection.Succeeded)
            return RegistryResult<Container>.Failure(collection.Error, collection.Message);
        return await containers.CreateContainerAsync(collection.Value.Id, build.Container, null, caller, cancellationToken);
    }
}
