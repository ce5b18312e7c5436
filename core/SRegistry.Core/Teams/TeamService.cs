using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Paging;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Teams;

/// <summary>
/// Teams: groups of users that may own an entity of the team's name and be granted collections.
/// Teams are visible to signed-in people only (to anyone else, robots included, a team does not exist). Owners and
/// administrators manage a team; it always keeps an owner, so someone can still manage it. Changes
/// need a token that allows <c>push</c>, because a membership grants sight of private collections.
/// </summary>
public sealed class TeamService(RegistryDbContext db, AuditLog audit, TimeProvider time)
{
    private const string NeedsPush = $"Changing teams needs a token that allows '{TokenScopes.Push}'.";

    /// <summary>Creates a team whose creator becomes its owner.</summary>
    /// <param name="name">The team name (part rule); no team or user may have it, as both become entity names.</param>
    /// <param name="description">An optional description.</param>
    /// <param name="caller">Who asks: a signed-in user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The team with its one owner in <see cref="Team.Members"/>.</returns>
    public async Task<RegistryResult<Team>> CreateAsync(string name, string? description, Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.IsAnonymous || caller.IsRobot)
            return Fail<Team>(RegistryError.Forbidden, "Creating a team needs a signed-in user (robot accounts cannot).");
        if (!caller.Allows(TokenScopes.Push))
            return Fail<Team>(RegistryError.Forbidden, NeedsPush);
        if (!NameValidation.TryValidateTeamName(name, out var error))
            return Fail<Team>(RegistryError.InvalidName, error);
        if (await db.Teams.AnyAsync(t => t.Name == name, cancellationToken) || await db.Users.AnyAsync(u => u.UserName == name, cancellationToken))
            return NameTaken(name);

        var team = new Team { Name = name, Description = CatalogText.Description(description), CreatedAt = time.GetUtcNow() };
        // The system caller (admin command line) is no user, so its teams start without members.
        if (caller.UserId is { } creatorId)
            team.Members.Add(new TeamMember { User = await db.Users.SingleAsync(u => u.Id == creatorId, cancellationToken), Role = TeamRole.Owner });
        db.Teams.Add(team);
        audit.Record(caller.Actor, TeamAuditActions.TeamCreate, Target(name));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            SaveConflicts.DiscardAdded(db);
            return NameTaken(name);
        }

        return RegistryResult<Team>.Success(team);
    }

    /// <summary>The team with its <see cref="Team.Members"/> (each with its <see cref="TeamMember.User"/>), ordered by user name.</summary>
    public async Task<RegistryResult<Team>> GetAsync(string name, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!NameValidation.TryValidateTeamName(name, out var error))
            return Fail<Team>(RegistryError.InvalidName, error);
        var team = caller.IsAnonymous || caller.IsRobot ? null : await db.Teams.AsNoTracking()
            .Include(t => t.Members.OrderBy(m => m.User.UserName)).ThenInclude(m => m.User)
            .SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
        return team is null ? NoTeam<Team>(name) : RegistryResult<Team>.Success(team);
    }

    /// <summary>A page of teams ordered by name, without their members.</summary>
    /// <param name="caller">Who asks: a signed-in user.</param>
    /// <param name="mineOnly">Only the teams the caller belongs to (any role).</param>
    /// <param name="page">Which page.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<RegistryResult<Page<Team>>> ListAsync(Caller caller, bool mineOnly, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (caller.IsAnonymous || caller.IsRobot)
            return Fail<Page<Team>>(RegistryError.Forbidden, "Listing teams needs a signed-in user (robot accounts see only their collections).");
        var teams = db.Teams.AsNoTracking();
        if (mineOnly)
        {
            var userId = caller.UserId;
            teams = teams.Where(t => t.Members.Any(m => m.UserId == userId));
        }

        return RegistryResult<Page<Team>>.Success(await teams.OrderBy(t => t.Name).ToPageAsync(page, cancellationToken));
    }

    /// <summary>
    /// Adds an active user to the team in <paramref name="role"/>, or changes their role (nothing to do,
    /// and nothing audited, when it is unchanged). Only the team's owners and administrators may; the
    /// last owner cannot be demoted.
    /// </summary>
    /// <returns>The membership with its <see cref="TeamMember.User"/>.</returns>
    public async Task<RegistryResult<TeamMember>> SetMemberAsync(
        string teamName, string userName, TeamRole role, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(role))
            throw new ArgumentOutOfRangeException(nameof(role), role, "Not a team role.");
        if (!NameValidation.TryValidateTeamName(teamName, out var error) || !NameValidation.TryValidateUserName(userName, out error))
            return Fail<TeamMember>(RegistryError.InvalidName, error);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var team = await LockAsync(teamName, caller, cancellationToken);
        if (team is null)
            return NoTeam<TeamMember>(teamName);
        if (await RefusalAsync(team, caller, "add members or change roles", leaving: false, cancellationToken) is { } refusal)
            return Fail<TeamMember>(RegistryError.Forbidden, refusal);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName && u.IsActive, cancellationToken);
        if (user is null)
            return Fail<TeamMember>(RegistryError.NotFound, $"There is no active user named '{userName}'.");

        var member = await db.TeamMembers.SingleOrDefaultAsync(m => m.TeamId == team.Id && m.UserId == user.Id, cancellationToken);
        if (member?.Role == role)
            return RegistryResult<TeamMember>.Success(member);
        if (member is { Role: TeamRole.Owner } && await IsLastOwnerAsync(team, cancellationToken))
            return Fail<TeamMember>(RegistryError.Conflict, LastOwner(team, userName));

        var previousRole = member?.Role;
        if (member is null)
            db.TeamMembers.Add(member = new TeamMember { Team = team, User = user, Role = role });
        else
            member.Role = role;
        audit.Record(caller.Actor, TeamAuditActions.MemberSet, Target(team.Name), new { user = userName, role = role.ToString(), previousRole = previousRole?.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RegistryResult<TeamMember>.Success(member);
    }

    /// <summary>
    /// Removes a member. Owners and administrators may remove anyone, every member may remove themself
    /// (leave); the last owner cannot go.
    /// </summary>
    /// <returns>The removed membership with its <see cref="TeamMember.User"/>.</returns>
    public async Task<RegistryResult<TeamMember>> RemoveMemberAsync(string teamName, string userName, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!NameValidation.TryValidateTeamName(teamName, out var error) || !NameValidation.TryValidateUserName(userName, out error))
            return Fail<TeamMember>(RegistryError.InvalidName, error);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var team = await LockAsync(teamName, caller, cancellationToken);
        if (team is null)
            return NoTeam<TeamMember>(teamName);
        var leaving = caller.UserId is not null && caller.UserName == userName;
        if (await RefusalAsync(team, caller, "remove other members", leaving, cancellationToken) is { } refusal)
            return Fail<TeamMember>(RegistryError.Forbidden, refusal);
        var member = await db.TeamMembers.Include(m => m.User).SingleOrDefaultAsync(m => m.TeamId == team.Id && m.User.UserName == userName, cancellationToken);
        if (member is null)
            return Fail<TeamMember>(RegistryError.NotFound, $"'{userName}' is not a member of the team '{team.Name}'.");
        if (member.Role == TeamRole.Owner && await IsLastOwnerAsync(team, cancellationToken))
            return Fail<TeamMember>(RegistryError.Conflict, LastOwner(team, userName));

        db.TeamMembers.Remove(member);
        audit.Record(caller.Actor, TeamAuditActions.MemberRemove, Target(team.Name), new { user = userName, role = member.Role.ToString(), leaving });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RegistryResult<TeamMember>.Success(member);
    }

    /// <summary>
    /// Deletes a team with its memberships and its grants on collections. Only its owners and
    /// administrators may, and not while it owns an entity (whose collections would lose their owner).
    /// </summary>
    /// <returns>The deleted team, without members.</returns>
    public async Task<RegistryResult<Team>> DeleteAsync(string teamName, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!NameValidation.TryValidateTeamName(teamName, out var error))
            return Fail<Team>(RegistryError.InvalidName, error);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var team = await LockAsync(teamName, caller, cancellationToken);
        if (team is null)
            return NoTeam<Team>(teamName);
        if (await RefusalAsync(team, caller, "delete it", leaving: false, cancellationToken) is { } refusal)
            return Fail<Team>(RegistryError.Forbidden, refusal);
        var entities = await db.Entities.Where(e => e.OwnerTeamId == team.Id).OrderBy(e => e.Name).Select(e => e.Name).ToListAsync(cancellationToken);
        if (entities.Count > 0)
            return Fail<Team>(RegistryError.Conflict,
                $"The team '{team.Name}' still owns these entities: {string.Join(", ", entities.Select(n => $"'{n}'"))}. Delete them or give them another owner first.");

        // team_members and collection_members rows go with the team through their ON DELETE CASCADE
        // foreign keys, so untracked memberships and grants need no loading.
        db.Teams.Remove(team);
        audit.Record(caller.Actor, TeamAuditActions.TeamDelete, Target(team.Name));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RegistryResult<Team>.Success(team);
    }

    // Locks the team's row until the transaction ends, so changes to one team run one after another:
    // two owners demoting each other at once cannot leave it ownerless, and an entity created for it
    // meanwhile (its foreign key check waits for this lock) cannot slip past the delete's check.
    // Teams do not exist for anonymous callers.
    private async Task<Team?> LockAsync(string name, Caller caller, CancellationToken cancellationToken) =>
        caller.IsAnonymous || caller.IsRobot ? null : (await db.Teams.FromSql($"SELECT * FROM teams WHERE name = {name} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();

    // Why the caller may not change the team (null when they may): owners and administrators may do
    // anything, a member leaving needs no one's leave.
    private async Task<string?> RefusalAsync(Team team, Caller caller, string what, bool leaving, CancellationToken cancellationToken)
    {
        if (!caller.Allows(TokenScopes.Push))
            return NeedsPush;
        var userId = caller.UserId;
        return leaving || caller.IsAdmin
            || await db.TeamMembers.AnyAsync(m => m.TeamId == team.Id && m.UserId == userId && m.Role == TeamRole.Owner, cancellationToken)
            ? null
            : $"Only the owners of the team '{team.Name}' and administrators may {what}.";
    }

    private async Task<bool> IsLastOwnerAsync(Team team, CancellationToken cancellationToken) =>
        await db.TeamMembers.CountAsync(m => m.TeamId == team.Id && m.Role == TeamRole.Owner, cancellationToken) <= 1;

    private static string Target(string name) => $"team:{name}";

    private static string LastOwner(Team team, string userName) =>
        $"'{userName}' is the last owner of the team '{team.Name}'; make another member an owner first, or delete the team.";

    private static RegistryResult<Team> NameTaken(string name) =>
        Fail<Team>(RegistryError.AlreadyExists, $"The name '{name}' is taken by a team or a user; team and user names share one namespace, as both name entities.");

    private static RegistryResult<T> NoTeam<T>(string name) where T : class => Fail<T>(RegistryError.NotFound, $"There is no team named '{name}'.");

    private static RegistryResult<T> Fail<T>(RegistryError error, string message) where T : class => RegistryResult<T>.Failure(error, message);
}
