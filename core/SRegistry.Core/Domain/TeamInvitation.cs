namespace SRegistry.Core.Domain;

/// <summary>
/// A link that lets signed-in users join a team as members until it expires or is revoked. It may be
/// used by several people: an owner hands one link to a group instead of one per person.
/// </summary>
public sealed class TeamInvitation
{
    public long Id { get; set; }
    public long TeamId { get; set; }
    public Team Team { get; set; } = null!;

    /// <summary>SHA-256 of the link's secret; the secret itself is only in the URL given to the owner.</summary>
    public required byte[] SecretHash { get; set; }

    public long CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>How many users joined the team through this link.</summary>
    public long UseCount { get; set; }
}
