namespace SRegistry.Core.Domain;

/// <summary>A user's star on a container.</summary>
public sealed class Star
{
    public long UserId { get; set; }
    public long ContainerId { get; set; }
    public Container Container { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }
}
