using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Accounts;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Robots;

/// <summary>
/// Who may make, list and revoke robots: a collection's owners (those who manage it, see
/// <see cref="CollectionSettings.MayManageAsync"/>) for its robots; a team's owners for the team's; and
/// administrators. Robots themselves never may. What the caller may not see does not exist (404).
/// </summary>
public sealed class RobotOwners(RegistryDbContext db, CollectionSettings settings)
{
    /// <summary>The collection, with its entity, when the caller may manage its robots.</summary>
    public async Task<RegistryResult<Collection>> CollectionAsync(long collectionId, Caller caller, CancellationToken cancellationToken)
    {
        var collection = await db.VisibleCollections(caller).AsNoTracking().Include(c => c.Entity).SingleOrDefaultAsync(c => c.Id == collectionId, cancellationToken);
        if (collection is null)
            return RegistryResult<Collection>.Failure(RegistryError.NotFound, $"There is no collection with id {collectionId}.");
        if (!await settings.MayManageAsync(collectionId, caller, cancellationToken))
            return RegistryResult<Collection>.Failure(RegistryError.Forbidden,
                $"Only the owners of '{CatalogText.Path(collection)}', of its entity, and administrators may manage its robots (with a token that allows delete).");
        return RegistryResult<Collection>.Success(collection);
    }

    /// <summary>The team when the caller may manage its robots: its owners and administrators.</summary>
    public async Task<RegistryResult<Team>> TeamAsync(string teamName, Caller caller, CancellationToken cancellationToken)
    {
        // Teams do not exist for anonymous callers and robots (as in TeamService).
        var team = caller.IsAnonymous || caller.IsRobot ? null : await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Name == teamName, cancellationToken);
        if (team is null)
            return RegistryResult<Team>.Failure(RegistryError.NotFound, $"There is no team named '{teamName}'.");
        var userId = caller.UserId;
        var owner = caller.IsAdmin || await db.TeamMembers.AnyAsync(m => m.TeamId == team.Id && m.UserId == userId && m.Role == TeamRole.Owner, cancellationToken);
        if (!owner || !caller.Allows(TokenScopes.Delete))
            return RegistryResult<Team>.Failure(RegistryError.Forbidden,
                $"Only the owners of the team '{teamName}' and administrators may manage its robots (with a token that allows delete).");
        return RegistryResult<Team>.Success(team);
    }

    /// <summary>The robot (tracked, with its tokens) when the caller may manage the collection or team it was made for.</summary>
    public async Task<RegistryResult<User>> RobotAsync(string robotName, Caller caller, CancellationToken cancellationToken)
    {
        var robot = await db.Users.Include(u => u.Tokens)
            .SingleOrDefaultAsync(u => u.UserName == robotName && (u.RobotCollectionId != null || u.RobotTeamId != null), cancellationToken);
        var missing = RegistryResult<User>.Failure(RegistryError.NotFound, $"There is no robot named '{robotName}'.");
        if (robot is null)
            return missing;
        if (robot.RobotCollectionId is { } collectionId)
        {
            var collection = await CollectionAsync(collectionId, caller, cancellationToken);
            return collection.Succeeded ? RegistryResult<User>.Success(robot) : collection.Error == RegistryError.NotFound ? missing : Refused(collection.Message);
        }

        var teamName = await db.Teams.Where(t => t.Id == robot.RobotTeamId).Select(t => t.Name).SingleAsync(cancellationToken);
        var team = await TeamAsync(teamName, caller, cancellationToken);
        return team.Succeeded ? RegistryResult<User>.Success(robot) : team.Error == RegistryError.NotFound ? missing : Refused(team.Message);

        static RegistryResult<User> Refused(string message) => RegistryResult<User>.Failure(RegistryError.Forbidden, message);
    }
}
