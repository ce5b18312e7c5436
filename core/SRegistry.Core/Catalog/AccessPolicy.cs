using System.Linq.Expressions;
using SRegistry.Core.Accounts;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Catalog;

/// <summary>
/// Who may do what, as filters that run in the database, so private rows never leave it for a caller
/// who may not see them. Privacy and permissions are decided per collection; entities are public.
/// </summary>
/// <remarks>
/// <para>Owning an entity means owning it as a user, or belonging (any role) to the team that owns it:
/// the team owns the namespace and its members act for it.</para>
/// <list type="table">
/// <item><term>see</term><description>public collection; or admin, entity owner, collection member (directly or through a team),
/// with a token allowing <c>pull</c> (which <c>push</c> implies) or <c>delete</c>.</description></item>
/// <item><term>push</term><description>admin, entity owner, collection owner or contributor, with <c>push</c>.</description></item>
/// <item><term>delete</term><description>admin, entity owner, collection owner, with <c>delete</c>.</description></item>
/// <item><term>create a collection</term><description>admin, entity owner, with <c>push</c>; in the ownerless <c>default</c>
/// entity, any signed-in user with <c>push</c>, who becomes the new collection's owner member.</description></item>
/// <item><term>robots</term><description>only their collection (or their team's collections), within their token's scopes; they
/// never create entities or collections, and never see anything else, public or not.</description></item>
/// <item><term>create an entity</term><description>admin: any name; others: their own user name or a team they own, with <c>push</c>.</description></item>
/// </list>
/// </remarks>
public static class AccessPolicy
{
    /// <summary>Collections the caller may see (and so everything in them).</summary>
    public static Expression<Func<Collection, bool>> CanSee(Caller caller)
    {
        if (caller.IsAdmin)
            return c => true;
        if (caller.IsRobot)
            return caller.Allows(TokenScopes.Pull) || caller.Allows(TokenScopes.Delete) ? RobotCollections(caller) : c => false;
        if (caller.IsAnonymous || !(caller.Allows(TokenScopes.Pull) || caller.Allows(TokenScopes.Delete)))
            return c => !c.IsPrivate;

        var userId = caller.UserId;
        var teams = TeamIds(caller);
        return c => !c.IsPrivate
            || c.Entity.OwnerUserId == userId
            || (c.Entity.OwnerTeamId != null && teams.Contains(c.Entity.OwnerTeamId.Value))
            || c.Members.Any(m => m.UserId == userId || (m.TeamId != null && teams.Contains(m.TeamId.Value)));
    }

    /// <summary>Collections the caller may push to: create containers and images, set tags.</summary>
    public static Expression<Func<Collection, bool>> CanPush(Caller caller)
    {
        if (!caller.Allows(TokenScopes.Push) || caller.IsAnonymous)
            return c => false;
        if (caller.IsRobot)
            return RobotCollections(caller);
        if (caller.IsAdmin)
            return c => true;

        return OwnsEntityOrIsMember(caller, ownersOnly: false);
    }

    /// <summary>Collections the caller may delete images from.</summary>
    public static Expression<Func<Collection, bool>> CanDelete(Caller caller)
    {
        if (!caller.Allows(TokenScopes.Delete) || caller.IsAnonymous)
            return c => false;
        if (caller.IsRobot)
            return RobotCollections(caller);
        if (caller.IsAdmin)
            return c => true;

        return OwnsEntityOrIsMember(caller, ownersOnly: true);
    }

    /// <summary>Entities the caller may create collections in.</summary>
    public static Expression<Func<Entity, bool>> CanCreateCollectionIn(Caller caller)
    {
        if (!caller.Allows(TokenScopes.Push) || caller.IsAnonymous || caller.IsRobot)
            return e => false;
        if (caller.IsAdmin)
            return e => true;

        // The default entity (refs without an entity: sregistry-cli, shub://) belongs to nobody. As in the
        // original sregistry, any signed-in user may open a collection there; CollectionCatalog records the
        // creator as its owner, so the collection is theirs and not everyone's.
        var userId = caller.UserId;
        var teams = TeamIds(caller);
        return e => e.OwnerUserId == userId
            || (e.OwnerTeamId != null && teams.Contains(e.OwnerTeamId.Value))
            || (e.Name == Entity.DefaultName && e.OwnerUserId == null && e.OwnerTeamId == null);
    }

    /// <summary>
    /// Whether the caller may create an entity called <paramref name="name"/>. The team ownership is
    /// passed in because <see cref="Caller"/> knows memberships, not roles.
    /// </summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="name">The entity name (already validated).</param>
    /// <param name="ownsTeamOfThatName">Whether the caller is an owner of the team named <paramref name="name"/>.</param>
    public static bool MayCreateEntity(Caller caller, string name, bool ownsTeamOfThatName) =>
        !caller.IsAnonymous
        && !caller.IsRobot
        && caller.Allows(TokenScopes.Push)
        && (caller.IsAdmin || name == caller.UserName || ownsTeamOfThatName);

    // A robot's collections: the one it was made for, or those of its team (owned through the team's
    // entities, or where the team is a member). Robots never reach public collections beyond these.
    private static Expression<Func<Collection, bool>> RobotCollections(Caller caller)
    {
        var collectionId = caller.RobotCollectionId;
        var teamId = caller.RobotTeamId;
        return collectionId is not null
            ? c => c.Id == collectionId
            : c => c.Entity.OwnerTeamId == teamId || c.Members.Any(m => m.TeamId == teamId);
    }

    // Entity owners (as a user or through a team) and collection members, directly or through a team;
    // with ownersOnly, only members in the Owner role.
    private static Expression<Func<Collection, bool>> OwnsEntityOrIsMember(Caller caller, bool ownersOnly)
    {
        var userId = caller.UserId;
        var teams = TeamIds(caller);
        return c => c.Entity.OwnerUserId == userId
            || (c.Entity.OwnerTeamId != null && teams.Contains(c.Entity.OwnerTeamId.Value))
            || c.Members.Any(m => (!ownersOnly || m.Role == CollectionRole.Owner)
                && (m.UserId == userId || (m.TeamId != null && teams.Contains(m.TeamId.Value))));
    }

    // A List, not an array: with C# 14 an array's Contains binds to a span overload, which expression
    // trees cannot interpret; List.Contains translates to "= ANY (@teams)".
    private static List<long> TeamIds(Caller caller) => [.. caller.TeamIds];
}
