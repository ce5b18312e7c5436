namespace SRegistry.Core.Domain;

/// <summary>A user or a team (exactly one of the two) granted a role on a collection.</summary>
public sealed class CollectionMember
{
    public long Id { get; set; }
    public long CollectionId { get; set; }
    public Collection Collection { get; set; } = null!;
    public long? UserId { get; set; }
    public User? User { get; set; }
    public long? TeamId { get; set; }
    public Team? Team { get; set; }
    public CollectionRole Role { get; set; }
}
