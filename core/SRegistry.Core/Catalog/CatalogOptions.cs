namespace SRegistry.Core.Catalog;

/// <summary>Catalog settings, bound by the host from the <c>Library</c> section.</summary>
public sealed class CatalogOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Library";

    /// <summary>
    /// Whether new entities start with <see cref="Domain.Entity.DefaultPrivate"/> set, and whether
    /// new collections are private when neither the request nor their entity says otherwise.
    /// </summary>
    public bool DefaultPrivate { get; set; }
}
