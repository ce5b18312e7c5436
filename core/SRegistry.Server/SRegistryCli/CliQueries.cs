using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// The reads behind sregistry-cli's searches, over the collections of the <c>default</c> entity (the only
/// ones its <c>collection/name</c> refs can address), filtered in the database by <see cref="AccessPolicy.CanSee"/>.
/// </summary>
public sealed class CliQueries(RegistryDbContext db)
{
    /// <summary>The most rows a search returns.</summary>
    public const int Limit = 1000;

    /// <summary>Visible collections of the default entity, by name.</summary>
    public IQueryable<Collection> Collections(Caller caller) =>
        db.Collections.AsNoTracking().Where(AccessPolicy.CanSee(caller)).Where(c => c.Entity.Name == Entity.DefaultName).OrderBy(c => c.Name);

    /// <summary>Uploaded, tagged images in visible default-entity collections, with container, collection, tags and labels.</summary>
    public IQueryable<Image> TaggedImages(Caller caller)
    {
        var visible = Collections(caller).Select(c => c.Id);
        return db.Images.AsNoTracking().AsSplitQuery()
            .Where(i => i.Uploaded && i.Tags.Any() && visible.Contains(i.Container.CollectionId))
            .Include(i => i.Container).ThenInclude(c => c.Collection)
            .Include(i => i.Tags)
            .Include(i => i.Labels)
            .OrderBy(i => i.Container.Collection.Name).ThenBy(i => i.Container.Name).ThenBy(i => i.Id);
    }

    /// <summary>Labels of visible tagged images, optionally by key and value (case-insensitive).</summary>
    public async Task<IReadOnlyList<Label>> LabelsAsync(Caller caller, string? key, string? value, CancellationToken cancellationToken)
    {
        var images = TaggedImages(caller).Select(i => i.Id);
        var labels = db.Labels.AsNoTracking().Where(l => images.Contains(l.ImageId));
        if (key is not null)
            labels = labels.Where(l => l.Key.ToLower() == key);
        if (value is not null)
            labels = labels.Where(l => l.Value.ToLower() == value);
        return await labels
            .Include(l => l.Image).ThenInclude(i => i.Container).ThenInclude(c => c.Collection)
            .Include(l => l.Image).ThenInclude(i => i.Tags)
            .OrderBy(l => l.Key).ThenBy(l => l.Value).Take(Limit).ToListAsync(cancellationToken);
    }
}
