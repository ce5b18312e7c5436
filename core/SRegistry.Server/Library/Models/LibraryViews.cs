using System.Globalization;
using SRegistry.Core.Domain;

namespace SRegistry.Server.Library.Models;

/// <summary>Domain rows (with the navigations the catalog loads) as library wire models.</summary>
public static class LibraryViews
{
    public static LibraryEntity Of(Entity entity) => new(
        Id(entity.Id),
        entity.Name,
        entity.Description ?? "",
        [.. entity.Collections.Select(c => Id(c.Id))],
        0,
        entity.QuotaBytes ?? 0,
        entity.DefaultPrivate,
        entity.CreatedAt,
        entity.Name);

    public static LibraryCollection Of(Collection collection) => new(
        Id(collection.Id),
        collection.Name,
        collection.Description ?? "",
        Id(collection.EntityId),
        collection.Entity.Name,
        [.. collection.Containers.Select(c => Id(c.Id))],
        0,
        collection.IsPrivate,
        collection.CreatedAt,
        collection.Entity.Name);

    public static LibraryContainer Of(Container container)
    {
        var archTags = container.Tags
            .GroupBy(t => t.Arch)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.ToDictionary(t => t.Name, t => Id(t.ImageId)));

        // v1 clients know one image per tag: prefer amd64 where several archs share a tag name.
        var imageTags = container.Tags
            .OrderBy(t => t.Arch == "amd64" ? 0 : 1)
            .DistinctBy(t => t.Name)
            .ToDictionary(t => t.Name, t => Id(t.ImageId));
        var collection = container.Collection;
        return new LibraryContainer(
            Id(container.Id),
            container.Name,
            container.Description ?? "",
            container.FullDescription ?? "",
            Id(collection.Id),
            collection.Name,
            Id(collection.EntityId),
            collection.Entity.Name,
            [.. container.Images.Select(i => Id(i.Id))],
            imageTags,
            archTags,
            container.Images.Where(i => i.Uploaded).Sum(i => i.Size),
            container.Images.Sum(i => i.DownloadCount),
            0,
            collection.IsPrivate,
            container.IsFrozen,
            container.CreatedAt,
            collection.Entity.Name);
    }

    public static LibraryImage Of(Image image)
    {
        var container = image.Container;
        var collection = container.Collection;
        return new LibraryImage(
            Id(image.Id),
            "sha256." + image.Digest,
            image.Description ?? "",
            Id(container.Id),
            container.Name,
            Id(collection.Id),
            collection.Name,
            Id(collection.EntityId),
            collection.Entity.Name,
            image.Size,
            image.Uploaded,
            image.Signed,
            image.Encrypted,
            image.Arch,
            image.Fingerprints,
            [.. image.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)],
            container.Description ?? "",
            0,
            image.DownloadCount,
            image.CreatedAt,
            collection.Entity.Name);
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
