namespace SRegistry.Core.Accounts;

/// <summary>Directory group names (compared case-insensitively) mapped to registry roles and teams.</summary>
public sealed class ExternalGroupOptions
{
    /// <summary>
    /// Members of any of these groups are administrators; when the list is not empty, an external
    /// user outside all of them loses the administrator flag at sign-in. Empty: the flag is left alone.
    /// </summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>
    /// Group name → team name. At each sign-in an external user joins the teams their groups map to
    /// (the team is created when missing) and leaves the mapped teams they are no longer in; teams
    /// absent from the map are never touched.
    /// </summary>
    public Dictionary<string, string> Teams { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
