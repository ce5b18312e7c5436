namespace SRegistry.Core.Domain;

/// <summary>
/// A tag of an OCI manifest that is no library image (container images, other artifacts). SIF
/// artifacts are tagged with <see cref="Tag"/> instead, so the library door sees them; a name held by
/// both resolves to the one updated last.
/// </summary>
public sealed class ManifestTag
{
    public long Id { get; set; }
    public long ContainerId { get; set; }
    public required string Name { get; set; }
    public long ManifestId { get; set; }
    public Manifest Manifest { get; set; } = null!;
    public DateTimeOffset UpdatedAt { get; set; }
}
