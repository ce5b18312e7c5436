namespace SRegistry.Core.Quotas;

/// <summary>Bound from <c>Quotas</c>: the storage limits of accounts that have none of their own.</summary>
public sealed class QuotaOptions
{
    public const string SectionName = "Quotas";

    /// <summary>Bytes a user's collections may hold unless an administrator set the user's own; 0 = no limit.</summary>
    public long DefaultUserBytes { get; set; }

    /// <summary>Bytes a team's collections may hold unless an administrator set the team's own; 0 = no limit.</summary>
    public long DefaultTeamBytes { get; set; }
}
