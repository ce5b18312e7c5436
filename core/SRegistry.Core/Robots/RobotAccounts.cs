using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Robots;

/// <summary>
/// Robot accounts for continuous integration: a user without a password (it cannot sign in) made for
/// one collection or one team, with one API token limited to <see cref="TokenScopes.Pull"/>,
/// <see cref="TokenScopes.Push"/> and <see cref="TokenScopes.Delete"/>. <see cref="AccessPolicy"/>
/// keeps its callers inside those collections, so every door (library, sregistry-cli, OCI, REST) applies
/// the limits without knowing robots; its actions are audited under its name.
/// </summary>
public sealed class RobotAccounts(RegistryDbContext db, RobotOwners owners, ApiTokenService tokens, AuditLog audit, TimeProvider time)
{
    /// <summary>The name of a robot's one token.</summary>
    public const string TokenName = "robot";

    /// <summary>The scopes a robot's token may have.</summary>
    public static IReadOnlyList<string> Scopes { get; } = [TokenScopes.Pull, TokenScopes.Push, TokenScopes.Delete];

    /// <summary>Makes a robot for a collection (see <see cref="RobotOwners"/> for who may).</summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="name">The robot's short name (part rule), for example <c>ci</c>; its user name is <see cref="RobotNames.ForCollection"/>.</param>
    /// <param name="scopes">Some of <see cref="Scopes"/>; at least one.</param>
    /// <param name="expiresAt">When its token stops working, or null for never.</param>
    /// <param name="caller">Who asks.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<RegistryResult<CreatedRobot>> CreateForCollectionAsync(
        long collectionId, string name, IEnumerable<string> scopes, DateTimeOffset? expiresAt, Caller caller, CancellationToken cancellationToken = default)
    {
        var collection = await owners.CollectionAsync(collectionId, caller, cancellationToken);
        if (!collection.Succeeded)
            return RegistryResult<CreatedRobot>.Failure(collection.Error, collection.Message);
        var userName = RobotNames.ForCollection(collection.Value.Entity.Name, collection.Value.Name, name);
        return await CreateAsync(userName, name, scopes, expiresAt, u => u.RobotCollectionId = collectionId, caller, cancellationToken);
    }

    /// <summary>Makes a robot for a team, reaching the team's collections (see <see cref="CreateForCollectionAsync"/>).</summary>
    public async Task<RegistryResult<CreatedRobot>> CreateForTeamAsync(
        string teamName, string name, IEnumerable<string> scopes, DateTimeOffset? expiresAt, Caller caller, CancellationToken cancellationToken = default)
    {
        var team = await owners.TeamAsync(teamName, caller, cancellationToken);
        if (!team.Succeeded)
            return RegistryResult<CreatedRobot>.Failure(team.Error, team.Message);
        return await CreateAsync(RobotNames.ForTeam(team.Value.Name, name), name, scopes, expiresAt, u => u.RobotTeamId = team.Value.Id, caller, cancellationToken);
    }

    /// <summary>A collection's robots, revoked ones included, by name.</summary>
    public async Task<RegistryResult<IReadOnlyList<RobotAccount>>> ListForCollectionAsync(long collectionId, Caller caller, CancellationToken cancellationToken = default)
    {
        var collection = await owners.CollectionAsync(collectionId, caller, cancellationToken);
        return collection.Succeeded
            ? await ListAsync(u => u.RobotCollectionId == collectionId, cancellationToken)
            : RegistryResult<IReadOnlyList<RobotAccount>>.Failure(collection.Error, collection.Message);
    }

    /// <summary>A team's robots, revoked ones included, by name.</summary>
    public async Task<RegistryResult<IReadOnlyList<RobotAccount>>> ListForTeamAsync(string teamName, Caller caller, CancellationToken cancellationToken = default)
    {
        var team = await owners.TeamAsync(teamName, caller, cancellationToken);
        if (!team.Succeeded)
            return RegistryResult<IReadOnlyList<RobotAccount>>.Failure(team.Error, team.Message);
        var teamId = team.Value.Id;
        return await ListAsync(u => u.RobotTeamId == teamId, cancellationToken);
    }

    /// <summary>
    /// Revokes a robot: its account is disabled and its tokens revoked, at once for every door.
    /// The name stays taken, so an old secret can never come back to life. Revoking twice succeeds.
    /// </summary>
    public async Task<RegistryResult<User>> RevokeAsync(string robotName, Caller caller, CancellationToken cancellationToken = default)
    {
        var found = await owners.RobotAsync(robotName, caller, cancellationToken);
        if (!found.Succeeded)
            return found;
        var robot = found.Value;
        var now = time.GetUtcNow();
        if (robot.IsActive || robot.Tokens.Any(t => t.RevokedAt is null))
        {
            robot.IsActive = false;
            foreach (var token in robot.Tokens.Where(t => t.RevokedAt is null))
                token.RevokedAt = now;
            audit.Record(caller.Actor, RobotAuditActions.Revoke, $"user:{robot.UserName}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return RegistryResult<User>.Success(robot);
    }

    private async Task<RegistryResult<CreatedRobot>> CreateAsync(
        string userName, string name, IEnumerable<string> scopes, DateTimeOffset? expiresAt, Action<User> bind, Caller caller, CancellationToken cancellationToken)
    {
        if (!NameValidation.TryValidatePart(name, "robot name", out var error))
            return RegistryResult<CreatedRobot>.Failure(RegistryError.InvalidName, error);
        if (!TokenScopes.TryNormalize(scopes, out var normalized, out error))
            return RegistryResult<CreatedRobot>.Failure(RegistryError.InvalidScopes, error);
        if (normalized.Length == 0 || normalized.Any(s => !Scopes.Contains(s)))
            return RegistryResult<CreatedRobot>.Failure(RegistryError.InvalidScopes,
                $"A robot's token needs one or more of {string.Join(", ", Scopes)} (and nothing else): robots never administer or build.");
        // As with any token a caller creates: never more than the caller's own token allows.
        if (normalized.FirstOrDefault(s => !caller.Allows(s)) is { } beyond)
            return RegistryResult<CreatedRobot>.Failure(RegistryError.Forbidden,
                $"Your token does not allow '{beyond}', so a robot made with it cannot either; use a token that does, or ask for fewer scopes.");
        if (await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken))
            return RegistryResult<CreatedRobot>.Failure(RegistryError.AlreadyExists,
                $"There already is a robot named '{userName}' (revoked robots keep their names); choose another name.");

        var robot = new User { UserName = userName, IsActive = true, CreatedAt = time.GetUtcNow(), RobotCreatedByUserId = caller.UserId };
        bind(robot);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Users.Add(robot);
        audit.Record(caller.Actor, RobotAuditActions.Create, $"user:{userName}", new { scopes = normalized, expiresAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            SaveConflicts.DiscardAdded(db);
            return RegistryResult<CreatedRobot>.Failure(RegistryError.AlreadyExists, $"There already is a robot named '{userName}'.");
        }

        var token = await tokens.CreateAsync(userName, TokenName, normalized, expiresAt, caller.Actor, cancellationToken);
        if (!token.Succeeded)
        {
            // Nothing of a half-made robot stays: the transaction is rolled back when disposed.
            SaveConflicts.DiscardAdded(db);
            return RegistryResult<CreatedRobot>.Failure(token.Error, token.Message);
        }

        await transaction.CommitAsync(cancellationToken);
        return RegistryResult<CreatedRobot>.Success(new CreatedRobot(robot, token.Value));
    }

    private async Task<RegistryResult<IReadOnlyList<RobotAccount>>> ListAsync(System.Linq.Expressions.Expression<Func<User, bool>> which, CancellationToken cancellationToken)
    {
        var robots = await db.Users.AsNoTracking().Where(which).Include(u => u.Tokens).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return RegistryResult<IReadOnlyList<RobotAccount>>.Success([.. robots.Select(r => new RobotAccount(r, [.. r.Tokens.OrderBy(t => t.Name)]))]);
    }
}
