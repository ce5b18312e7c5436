using SRegistry.Core.Domain;

namespace SRegistry.Core.Catalog;

/// <summary>How the catalog writes free text and names the things it audits, the same in every service.</summary>
internal static class CatalogText
{
    /// <summary>Blank descriptions are stored as null, so "no description" has one spelling.</summary>
    public static string? Description(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string Path(Collection collection) => $"{collection.Entity.Name}/{collection.Name}";

    public static string Path(Container container) => $"{Path(container.Collection)}/{container.Name}";

    /// <summary><c>entity/collection/container@sha256:hex</c>: names one image whatever its tags.</summary>
    public static string Path(Container container, Image image) => $"{Path(container)}@sha256:{image.Digest}";

    /// <summary>The audit target of an image, the same for every service that changes images.</summary>
    public static string ImageTarget(Container container, Image image) => "image:" + Path(container, image);
}
