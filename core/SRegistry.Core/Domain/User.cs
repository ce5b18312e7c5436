namespace SRegistry.Core.Domain;

/// <summary>A person (or robot) who signs in or holds tokens.</summary>
public sealed class User
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    public string? Email { get; set; }
    public string? DisplayName { get; set; }

    /// <summary>Null for accounts that sign in only through an external provider.</summary>
    public string? PasswordHash { get; set; }

    public bool IsAdmin { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>The provider and subject of a linked external identity (LDAP, SAML), if any.</summary>
    public string? ExternalProvider { get; set; }
    public string? ExternalSubject { get; set; }

    /// <summary>When the external provider last confirmed the account is enabled (sign-in or recheck).</summary>
    public DateTimeOffset? LastDirectoryCheckAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>The most bytes this user's namespaces may hold; null = <c>Quotas:DefaultUserBytes</c>.</summary>
    public long? QuotaBytes { get; set; }

    /// <summary>For a robot account made for one collection: that collection (see <see cref="Robots.RobotAccounts"/>).</summary>
    public long? RobotCollectionId { get; set; }

    /// <summary>For a robot account made for a team: the team, whose collections it may reach.</summary>
    public long? RobotTeamId { get; set; }

    /// <summary>Who made the robot; null for people.</summary>
    public long? RobotCreatedByUserId { get; set; }

    /// <summary>Robots have no password and cannot sign in; only their tokens work, and only in their collections.</summary>
    public bool IsRobot => RobotCollectionId is not null || RobotTeamId is not null;

    public List<ApiToken> Tokens { get; set; } = [];
    public List<TeamMember> Teams { get; set; } = [];
}
