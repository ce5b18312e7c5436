using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Catalog;

/// <summary>
/// Who is asking the catalog: a signed-in user (through a token or a session) or nobody. Every door
/// builds one per request (see <see cref="CallerFactory"/>) and the catalog decides from it alone.
/// </summary>
public sealed class Caller
{
    private Caller(long? userId, string? userName, bool isAdmin, IReadOnlyList<long> teamIds, IReadOnlyList<string> scopes, long? robotCollectionId = null, long? robotTeamId = null)
    {
        RobotCollectionId = robotCollectionId;
        RobotTeamId = robotTeamId;
        UserId = userId;
        UserName = userName;
        IsAdmin = isAdmin;
        TeamIds = teamIds;
        Scopes = scopes;
    }

    /// <summary>Someone who has not signed in: sees public collections and changes nothing.</summary>
    public static Caller Anonymous { get; } = new(null, null, false, [], []);

    /// <summary>The registry itself (the admin command line): an administrator that is no user.</summary>
    public static Caller System { get; } = new(null, Actor.System.Name, true, [], []);

    /// <summary>The user's id; null when anonymous.</summary>
    public long? UserId { get; }

    /// <summary>The user's name; null when anonymous.</summary>
    public string? UserName { get; }

    /// <summary>
    /// Whether the caller acts as an administrator: the user is one and the token's scopes allow
    /// <see cref="TokenScopes.Admin"/> (no scopes, or the admin scope). An administrator's push-only
    /// token therefore acts with the user's ordinary rights, so a leaked CI token cannot administer.
    /// </summary>
    public bool IsAdmin { get; }

    /// <summary>The teams the user belongs to (any role).</summary>
    public IReadOnlyList<long> TeamIds { get; }

    /// <summary>The token's scopes; empty means everything the user may.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>For a robot account: the one collection it may reach (see <see cref="AccessPolicy"/>).</summary>
    public long? RobotCollectionId { get; }

    /// <summary>For a robot account: the team whose collections it may reach.</summary>
    public long? RobotTeamId { get; }

    /// <summary>
    /// A robot account: reaches only its collections, within its token's scopes, and never manages
    /// anything (members, robots, teams, tokens, entities, collections).
    /// </summary>
    public bool IsRobot => RobotCollectionId is not null || RobotTeamId is not null;

    /// <summary>True for <see cref="Anonymous"/>.</summary>
    public bool IsAnonymous => UserId is null && !IsAdmin;

    /// <summary>How the caller appears in the audit log.</summary>
    public Actor Actor => UserId is { } id ? new Actor(id, UserName!) : IsAdmin ? Actor.System : new Actor(null, "anonymous");

    /// <summary>
    /// A signed-in user. An inactive user gets <see cref="Anonymous"/>: disabling an account must take
    /// its rights away even from a session or token that was accepted a moment earlier.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="teamIds">The teams the user belongs to.</param>
    /// <param name="scopes">The token's scopes; null or empty for a session or an unscoped token.</param>
    public static Caller ForUser(User user, IEnumerable<long> teamIds, IEnumerable<string>? scopes = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsActive)
            return Anonymous;
        string[] scopeList = [.. scopes ?? []];
        // A robot is never an administrator nor a team member, whatever its row says.
        if (user.IsRobot)
            return new Caller(user.Id, user.UserName, false, [], scopeList, user.RobotCollectionId, user.RobotTeamId);
        return new Caller(user.Id, user.UserName, user.IsAdmin && TokenScopes.Allows(scopeList, TokenScopes.Admin), [.. teamIds.Distinct()], scopeList);
    }

    /// <summary>Whether the token's scopes cover <paramref name="scope"/> (see <see cref="TokenScopes.Allows"/>).</summary>
    public bool Allows(string scope) => TokenScopes.Allows(Scopes, scope);

    /// <inheritdoc />
    public override string ToString() => UserName ?? "anonymous";
}
