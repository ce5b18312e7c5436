using SRegistry.Core.Domain;

namespace SRegistry.Server.SRegistryCli;

/// <summary>The original sregistry's container serializations (snake_case through <see cref="SRegistryCliResults.Json"/>).</summary>
public static class ContainerView
{
    /// <summary>What a pull reads: <c>image</c> is the download URL; <c>version</c> the sha256.</summary>
    public static object Pull(Image image, string tag, string downloadUrl) => new
    {
        id = image.Id,
        name = image.Container.Name,
        tag,
        version = "sha256." + image.Digest,
        collection = image.Container.Collection.Name,
        image = downloadUrl,
        metadata = Metadata(image),
        frozen = image.Container.IsFrozen,
        add_date = image.CreatedAt,
        metrics = Metrics(image),
    };

    /// <summary>One result of the container searches: a tag of a container.</summary>
    public static object Search(Image image, string tag) => new
    {
        id = image.Id,
        name = image.Container.Name,
        tag,
        add_date = image.CreatedAt,
        metrics = Metrics(image),
        version = "sha256." + image.Digest,
        frozen = image.Container.IsFrozen,
        metadata = Metadata(image),
        collection = image.Container.Collection.Name,
    };

    /// <summary><c>collection/name:tag</c>, as sregistry-cli writes container uris.</summary>
    public static string Uri(Image image, string tag) => $"{image.Container.Collection.Name}/{image.Container.Name}:{tag}";

    /// <summary>The image's tag names (any architecture), in order: each is one search result.</summary>
    public static IEnumerable<string> TagsOf(Image image) =>
        image.Tags.Count == 0 ? [] : image.Tags.Select(t => t.Name).Distinct().Order(StringComparer.Ordinal);

    private static object Metadata(Image image) => new
    {
        arch = image.Arch,
        size = image.Size,
        signed = image.Signed,
        encrypted = image.Encrypted,
        labels = image.Labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
    };

    private static object Metrics(Image image) => new { size = image.Size, download_count = image.DownloadCount, arch = image.Arch };
}
