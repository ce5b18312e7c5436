namespace SRegistry.Core.Domain;

/// <summary>A named image repository inside a collection: images by digest and arch, tags pointing at them.</summary>
public sealed class Container
{
    public long Id { get; set; }
    public long CollectionId { get; set; }
    public Collection Collection { get; set; } = null!;
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? FullDescription { get; set; }

    /// <summary>A frozen container refuses tag moves and deletes (read-only in the library API).</summary>
    public bool IsFrozen { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<Image> Images { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];
}
