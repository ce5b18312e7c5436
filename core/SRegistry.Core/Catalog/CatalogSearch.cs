using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Catalog;

/// <summary>
/// Case-insensitive substring search over names and descriptions, filtered for privacy in the query:
/// private collections, and what is in them, are only found by those who may see them.
/// </summary>
public sealed class CatalogSearch(RegistryDbContext db)
{
    /// <summary>The shortest search text accepted: shorter ones would match most of the registry.</summary>
    public const int MinTextLength = 3;

    /// <summary>The most items returned per kind.</summary>
    public const int Limit = 100;

    private const string Escape = @"\";

    /// <summary>Searches entities, collections, containers and images.</summary>
    /// <param name="text">At least <see cref="MinTextLength"/> characters, matched anywhere in names and descriptions.</param>
    /// <param name="arch">Only images for this architecture; null or empty for all.</param>
    /// <param name="signed">Only signed (true) or unsigned (false) images; null for both.</param>
    /// <param name="caller">Who asks.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<RegistryResult<SearchResults>> SearchAsync(
        string text, string? arch, bool? signed, Caller caller, CancellationToken cancellationToken = default)
    {
        var needle = (text ?? "").Trim().ToLowerInvariant();
        if (needle.Length < MinTextLength)
            return RegistryResult<SearchResults>.Failure(RegistryError.InvalidQuery,
                $"The search text '{NameValidation.Shown(needle)}' is too short; give at least {MinTextLength} characters.");
        arch = string.IsNullOrEmpty(arch) ? null : arch;
        if (arch is not null && !NameValidation.TryValidateArch(arch, out var error))
            return RegistryResult<SearchResults>.Failure(RegistryError.InvalidName, error);

        // ILIKE '%text%', with %, _ and \ in the text taken literally; trigram indexes serve it where the
        // tables are large (SubstringSearchIndex): containers, tags and labels.
        var pattern = "%" + needle.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
        var entities = await db.Entities.AsNoTracking()
            .Where(e => EF.Functions.ILike(e.Name, pattern, Escape) || EF.Functions.ILike(e.Description!, pattern, Escape))
            .OrderBy(e => e.Name).Take(Limit).ToListAsync(cancellationToken);

        var collections = await db.VisibleCollections(caller).AsNoTracking().Include(c => c.Entity)
            .Where(c => EF.Functions.ILike(c.Name, pattern, Escape) || EF.Functions.ILike(c.Description!, pattern, Escape))
            .OrderBy(c => c.Entity.Name).ThenBy(c => c.Name).Take(Limit).ToListAsync(cancellationToken);

        var containers = await db.VisibleContainers(caller).AsNoTracking().Include(c => c.Collection).ThenInclude(c => c.Entity)
            .Where(c => EF.Functions.ILike(c.Name, pattern, Escape) || EF.Functions.ILike(c.Description!, pattern, Escape))
            .OrderBy(c => c.Collection.Entity.Name).ThenBy(c => c.Collection.Name).ThenBy(c => c.Name)
            .Take(Limit).ToListAsync(cancellationToken);

        // Images by their container's name, a tag, or a label (key or value): a DOI or a version label finds the image.
        // The matching ids are found first, so the privacy filter and the joins see a few images, not all of them.
        var matching = db.Images.Where(i => EF.Functions.ILike(i.Container.Name, pattern, Escape)).Select(i => i.Id)
            .Union(db.Tags.Where(t => EF.Functions.ILike(t.Name, pattern, Escape)).Select(t => t.ImageId))
            .Union(db.Labels.Where(l => EF.Functions.ILike(l.Key, pattern, Escape) || EF.Functions.ILike(l.Value, pattern, Escape)).Select(l => l.ImageId));
        var images = db.VisibleImages(caller).Where(i => i.Uploaded && matching.Contains(i.Id));
        if (arch is not null)
            images = images.Where(i => i.Arch == arch);
        if (signed is { } wanted)
            images = images.Where(i => i.Signed == wanted);
        var imageList = await images.AsNoTracking()
            .Include(i => i.Container).ThenInclude(c => c.Collection).ThenInclude(c => c.Entity)
            .Include(i => i.Tags)
            .OrderBy(i => i.Container.Collection.Entity.Name).ThenBy(i => i.Container.Collection.Name).ThenBy(i => i.Container.Name).ThenBy(i => i.Id)
            .Take(Limit).ToListAsync(cancellationToken);

        return RegistryResult<SearchResults>.Success(new SearchResults(entities, collections, containers, imageList));
    }
}
