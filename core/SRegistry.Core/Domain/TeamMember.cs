namespace SRegistry.Core.Domain;

/// <summary>A user's membership of a team.</summary>
public sealed class TeamMember
{
    public long TeamId { get; set; }
    public Team Team { get; set; } = null!;
    public long UserId { get; set; }
    public User User { get; set; } = null!;
    public TeamRole Role { get; set; }
}
