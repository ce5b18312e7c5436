using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Usage;

/// <summary>
/// Where storage goes: per collection, per entity owner, and in total. Everyone sees the figures of
/// what they may see, so the report tells nobody how much private data others keep; administrators
/// also get the whole store's totals. Content is counted once per collection (or owner, or total)
/// however many images share it, as the store keeps it once. All sums are computed by the database.
/// </summary>
public sealed class UsageReport(RegistryDbContext db)
{
    /// <summary>The usage the caller may see.</summary>
    public async Task<RegistryUsage> GetAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var images = db.VisibleImages(caller).Where(i => i.Uploaded);
        var collections = await CollectionsAsync(caller, images, cancellationToken);
        var owners = await OwnersAsync(images, cancellationToken);

        var totalBytes = caller.IsAdmin
            ? await db.Blobs.SumAsync(b => b.Size, cancellationToken)
            : await images.GroupBy(i => i.Digest).Select(g => g.Max(i => i.Size)).SumAsync(cancellationToken);
        var imageCount = caller.IsAdmin
            ? await db.Images.CountAsync(i => i.Uploaded, cancellationToken)
            : await images.CountAsync(cancellationToken);
        return new RegistryUsage(collections, owners, totalBytes, imageCount);
    }

    private async Task<List<CollectionUsage>> CollectionsAsync(Caller caller, IQueryable<Image> images, CancellationToken cancellationToken)
    {
        // By collection and digest first, so that content pushed twice into a collection counts once.
        var used = await images
            .Select(i => new { i.Container.CollectionId, i.Digest, i.Size })
            .GroupBy(i => new { i.CollectionId, i.Digest })
            .Select(g => new { g.Key.CollectionId, Size = g.Max(i => i.Size), Images = g.Count() })
            .GroupBy(d => d.CollectionId)
            .Select(g => new { CollectionId = g.Key, Bytes = g.Sum(d => d.Size), Images = g.Sum(d => d.Images) })
            .ToDictionaryAsync(u => u.CollectionId, cancellationToken);

        // Collections without uploaded images are listed too, with nothing used.
        var visible = await db.VisibleCollections(caller)
            .Select(c => new { c.Id, Entity = c.Entity.Name, c.Name, c.IsPrivate })
            .ToListAsync(cancellationToken);
        return [.. visible
            .Select(c => used.TryGetValue(c.Id, out var u)
                ? new CollectionUsage(c.Entity, c.Name, u.Bytes, u.Images, c.IsPrivate)
                : new CollectionUsage(c.Entity, c.Name, 0, 0, c.IsPrivate))
            .OrderByDescending(c => c.Bytes)
            .ThenBy(c => c.Entity, StringComparer.Ordinal)
            .ThenBy(c => c.Collection, StringComparer.Ordinal)];
    }

    private static async Task<List<OwnerUsage>> OwnersAsync(IQueryable<Image> images, CancellationToken cancellationToken)
    {
        // Ownerless entities are kept apart by name: they belong to nobody in particular, not to one "nobody".
        var used = await images
            .Select(i => new
            {
                User = (string?)i.Container.Collection.Entity.OwnerUser!.UserName,
                Team = (string?)i.Container.Collection.Entity.OwnerTeam!.Name,
                Ownerless = i.Container.Collection.Entity.OwnerUserId == null && i.Container.Collection.Entity.OwnerTeamId == null
                    ? i.Container.Collection.Entity.Name
                    : null,
                i.Digest,
                i.Size,
            })
            .GroupBy(i => new { i.User, i.Team, i.Ownerless, i.Digest })
            .Select(g => new { g.Key.User, g.Key.Team, g.Key.Ownerless, Size = g.Max(i => i.Size) })
            .GroupBy(d => new { d.User, d.Team, d.Ownerless })
            .Select(g => new { g.Key.User, g.Key.Team, g.Key.Ownerless, Bytes = g.Sum(d => d.Size) })
            .ToListAsync(cancellationToken);

        return [.. used
            .Select(u => u.User is not null ? new OwnerUsage(OwnerKind.User, u.User, u.Bytes)
                : u.Team is not null ? new OwnerUsage(OwnerKind.Team, u.Team, u.Bytes)
                : new OwnerUsage(OwnerKind.Nobody, u.Ownerless!, u.Bytes))
            .OrderByDescending(o => o.Bytes)
            .ThenBy(o => o.Kind)
            .ThenBy(o => o.Name, StringComparer.Ordinal)];
    }
}
