using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Catalog;

/// <summary>
/// The catalog's starting points for reads: rows inside collections the caller may see. Containers
/// and images are filtered by a subquery on their collection, so the privacy rule lives only in
/// <see cref="AccessPolicy.CanSee"/>.
/// </summary>
internal static class VisibleRows
{
    public static IQueryable<Collection> VisibleCollections(this RegistryDbContext db, Caller caller) =>
        db.Collections.Where(AccessPolicy.CanSee(caller));

    public static IQueryable<Container> VisibleContainers(this RegistryDbContext db, Caller caller)
    {
        var collectionIds = db.VisibleCollections(caller).Select(c => c.Id);
        return db.Containers.Where(c => collectionIds.Contains(c.CollectionId));
    }

    public static IQueryable<Image> VisibleImages(this RegistryDbContext db, Caller caller)
    {
        var containerIds = db.VisibleContainers(caller).Select(c => c.Id);
        return db.Images.Where(i => containerIds.Contains(i.ContainerId));
    }

    /// <summary>Whether the caller passes <paramref name="rule"/> for the collection.</summary>
    public static Task<bool> IsAllowedAsync(
        this RegistryDbContext db, long collectionId, Expression<Func<Collection, bool>> rule, CancellationToken cancellationToken) =>
        db.Collections.Where(c => c.Id == collectionId).AnyAsync(rule, cancellationToken);
}
