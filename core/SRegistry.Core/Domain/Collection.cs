namespace SRegistry.Core.Domain;

/// <summary>A group of containers inside an entity; the unit of privacy and permissions.</summary>
public sealed class Collection
{
    public long Id { get; set; }
    public long EntityId { get; set; }
    public Entity Entity { get; set; } = null!;
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>Private collections are invisible (404) to everyone but their owners, contributors and admins.</summary>
    public bool IsPrivate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<Container> Containers { get; set; } = [];
    public List<CollectionMember> Members { get; set; } = [];
}
