namespace SRegistry.Core.Domain;

/// <summary>A group of users that can own entities and collections.</summary>
public sealed class Team
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The most bytes this team's namespaces may hold; null = <c>Quotas:DefaultTeamBytes</c>.</summary>
    public long? QuotaBytes { get; set; }
    public List<TeamMember> Members { get; set; } = [];
}
