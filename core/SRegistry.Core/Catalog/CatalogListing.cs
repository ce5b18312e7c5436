using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Paging;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Catalog;

/// <summary>Paged lists for browsing, holding only what the caller may see, in name order.</summary>
public sealed class CatalogListing(RegistryDbContext db)
{
    /// <summary>Entities by name (entities are public; their collections may not be).</summary>
    public Task<Page<Entity>> EntitiesAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        db.Entities.AsNoTracking().OrderBy(e => e.Name).ToPageAsync(page, cancellationToken);

    /// <summary>Visible collections with their entity, of one entity or of all.</summary>
    public async Task<RegistryResult<Page<Collection>>> CollectionsAsync(string? entityName, Caller caller, PageRequest page, CancellationToken cancellationToken = default)
    {
        IQueryable<Collection> collections = db.VisibleCollections(caller).AsNoTracking().Include(c => c.Entity);
        if (!string.IsNullOrEmpty(entityName))
        {
            if (!NameValidation.TryValidatePart(entityName, "entity name", out var error))
                return RegistryResult<Page<Collection>>.Failure(RegistryError.InvalidName, error);
            if (!await db.Entities.AnyAsync(e => e.Name == entityName, cancellationToken))
                return RegistryResult<Page<Collection>>.Failure(RegistryError.NotFound, $"There is no entity named '{entityName}'.");
            collections = collections.Where(c => c.Entity.Name == entityName);
        }

        var result = await collections.OrderBy(c => c.Entity.Name).ThenBy(c => c.Name).ToPageAsync(page, cancellationToken);
        return RegistryResult<Page<Collection>>.Success(result);
    }

    /// <summary>The containers of a visible collection, with their tags.</summary>
    public async Task<RegistryResult<Page<Container>>> ContainersAsync(long collectionId, Caller caller, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!await db.VisibleCollections(caller).AnyAsync(c => c.Id == collectionId, cancellationToken))
            return RegistryResult<Page<Container>>.Failure(RegistryError.NotFound, $"There is no collection with id {collectionId}.");
        var containers = await db.Containers.AsNoTracking().AsSplitQuery()
            .Include(c => c.Collection).ThenInclude(c => c.Entity)
            .Include(c => c.Tags.OrderBy(t => t.Arch).ThenBy(t => t.Name))
            .Where(c => c.CollectionId == collectionId)
            .OrderBy(c => c.Name).ToPageAsync(page, cancellationToken);
        return RegistryResult<Page<Container>>.Success(containers);
    }

    /// <summary>The images of a visible container, newest first, with their tags and labels.</summary>
    public async Task<RegistryResult<Page<Image>>> ImagesAsync(long containerId, Caller caller, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!await db.VisibleContainers(caller).AnyAsync(c => c.Id == containerId, cancellationToken))
            return RegistryResult<Page<Image>>.Failure(RegistryError.NotFound, $"There is no container with id {containerId}.");
        var images = await db.Images.AsNoTracking().AsSplitQuery()
            .Include(i => i.Container).ThenInclude(c => c.Collection).ThenInclude(c => c.Entity)
            .Include(i => i.Tags).Include(i => i.Labels)
            .Where(i => i.ContainerId == containerId)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).ToPageAsync(page, cancellationToken);
        return RegistryResult<Page<Image>>.Success(images);
    }
}
