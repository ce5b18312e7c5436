using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;
using SRegistry.Core.Security;

namespace SRegistry.Core.Teams;

/// <summary>
/// Invitation links: a team's owners (and administrators) create expiring links; any signed-in user
/// who opens one may join the team as a member. A link stays usable by any number of people until it
/// expires or is revoked, because an owner typically posts one link to a group; revoking stops further
/// joins but keeps those who joined. Joining never makes anyone an owner and never changes the role of
/// someone already in the team.
/// </summary>
public sealed class TeamInvitations(RegistryDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>The secret in an invitation URL: <c>inv_</c> and 32 random bytes; only its hash is stored.</summary>
    public static SecretFormat Secrets { get; } = new("inv_");

    /// <summary>The shortest lifetime a link may be given.</summary>
    public static readonly TimeSpan MinLifetime = TimeSpan.FromHours(1);

    /// <summary>The longest lifetime a link may be given: a way into a team should not outlive its purpose.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    /// <summary>Creates a link to join <paramref name="teamName"/> that works for <paramref name="lifetime"/>.</summary>
    public async Task<RegistryResult<CreatedTeamInvitation>> CreateAsync(string teamName, TimeSpan lifetime, Caller caller, CancellationToken cancellationToken = default)
    {
        if (lifetime < MinLifetime || lifetime > MaxLifetime)
            return Fail<CreatedTeamInvitation>(RegistryError.InvalidExpiry,
                $"An invitation's lifetime must be between {MinLifetime} and {MaxLifetime}; {lifetime} is not.");
        var team = await OwnedTeamAsync(teamName, caller, "invite people to", cancellationToken);
        if (!team.Succeeded)
            return Fail<CreatedTeamInvitation>(team.Error, team.Message);
        if (caller.UserId is not { } creatorId)
            return Fail<CreatedTeamInvitation>(RegistryError.Forbidden, "Invitations are made by users; sign in as an owner of the team.");

        var secret = Secrets.Create();
        var now = time.GetUtcNow();
        var invitation = new TeamInvitation
        {
            TeamId = team.Value.Id,
            SecretHash = SecretFormat.Hash(secret),
            CreatedByUserId = creatorId,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.TeamInvitations.Add(invitation);
        audit.Record(caller.Actor, TeamAuditActions.InvitationCreate, Target(team.Value), new { invitation.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return RegistryResult<CreatedTeamInvitation>.Success(new CreatedTeamInvitation(invitation, secret));
    }

    /// <summary>The team's invitations, newest first, expired and revoked ones included.</summary>
    public async Task<RegistryResult<IReadOnlyList<TeamInvitation>>> ListAsync(string teamName, Caller caller, CancellationToken cancellationToken = default)
    {
        var team = await OwnedTeamAsync(teamName, caller, "see the invitations of", cancellationToken);
        if (!team.Succeeded)
            return Fail<IReadOnlyList<TeamInvitation>>(team.Error, team.Message);
        var invitations = await db.TeamInvitations.AsNoTracking().Where(i => i.TeamId == team.Value.Id)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).ToListAsync(cancellationToken);
        return RegistryResult<IReadOnlyList<TeamInvitation>>.Success(invitations);
    }

    /// <summary>Revokes one of the team's invitations at once; revoking a revoked one changes nothing.</summary>
    public async Task<RegistryResult<TeamInvitation>> RevokeAsync(string teamName, long invitationId, Caller caller, CancellationToken cancellationToken = default)
    {
        var team = await OwnedTeamAsync(teamName, caller, "revoke the invitations of", cancellationToken);
        if (!team.Succeeded)
            return Fail<TeamInvitation>(team.Error, team.Message);
        var invitation = await db.TeamInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.TeamId == team.Value.Id, cancellationToken);
        if (invitation is null)
            return Fail<TeamInvitation>(RegistryError.NotFound, $"The team '{team.Value.Name}' has no invitation with id {invitationId}.");
        if (invitation.RevokedAt is null)
        {
            invitation.RevokedAt = time.GetUtcNow();
            audit.Record(caller.Actor, TeamAuditActions.InvitationRevoke, Target(team.Value), new { invitationId });
            await db.SaveChangesAsync(cancellationToken);
        }

        return RegistryResult<TeamInvitation>.Success(invitation);
    }

    /// <summary>The team a usable invitation leads to, for a signed-in user to decide whether to join.</summary>
    public async Task<RegistryResult<Team>> OpenAsync(string? secret, Caller caller, CancellationToken cancellationToken = default)
    {
        var invitation = await UsableAsync(secret, caller, cancellationToken);
        return invitation is null ? Unusable<Team>() : RegistryResult<Team>.Success(invitation.Team);
    }

    /// <summary>
    /// Makes the signed-in caller a member of the invitation's team. Someone already in the team stays
    /// as they are (an owner is not demoted) and the use is not counted.
    /// </summary>
    /// <returns>The membership with its <see cref="TeamMember.Team"/>.</returns>
    public async Task<RegistryResult<TeamMember>> AcceptAsync(string? secret, Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.UserId is not { } userId || caller.IsRobot)
            return Fail<TeamMember>(RegistryError.Forbidden, "Joining a team needs a signed-in user (robot accounts cannot).");
        if (!caller.Allows(TokenScopes.Push))
            return Fail<TeamMember>(RegistryError.Forbidden, $"Joining a team needs a token that allows '{TokenScopes.Push}'.");
        var invitation = await UsableAsync(secret, caller, cancellationToken);
        if (invitation is null)
            return Unusable<TeamMember>();

        var existing = await db.TeamMembers.AsNoTracking().SingleOrDefaultAsync(m => m.TeamId == invitation.TeamId && m.UserId == userId, cancellationToken);
        if (existing is not null)
            return RegistryResult<TeamMember>.Success(WithTeam(existing, invitation.Team));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var member = new TeamMember { TeamId = invitation.TeamId, UserId = userId, Role = TeamRole.Member };
        db.TeamMembers.Add(member);
        audit.Record(caller.Actor, TeamAuditActions.InvitationAccept, Target(invitation.Team), new { invitationId = invitation.Id, user = caller.UserName });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            // The same user joined through another request at the same moment: they are in, once.
            SaveConflicts.DiscardAdded(db);
            return RegistryResult<TeamMember>.Success(WithTeam(member, invitation.Team));
        }

        await db.TeamInvitations.Where(i => i.Id == invitation.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.UseCount, i => i.UseCount + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RegistryResult<TeamMember>.Success(WithTeam(member, invitation.Team));
    }

    // The invitation behind a secret when it is known, unrevoked and unexpired, and the caller is a user.
    private async Task<TeamInvitation?> UsableAsync(string? secret, Caller caller, CancellationToken cancellationToken)
    {
        if (caller.UserId is null || !Secrets.HasShape(secret))
            return null;
        var hash = SecretFormat.Hash(secret);
        var invitation = await db.TeamInvitations.AsNoTracking().Include(i => i.Team)
            .SingleOrDefaultAsync(i => i.SecretHash == hash, cancellationToken);
        return invitation is null
            || !CryptographicOperations.FixedTimeEquals(invitation.SecretHash, hash)
            || invitation.RevokedAt is not null
            || invitation.ExpiresAt <= time.GetUtcNow()
            ? null
            : invitation;
    }

    private async Task<RegistryResult<Team>> OwnedTeamAsync(string teamName, Caller caller, string verb, CancellationToken cancellationToken)
    {
        if (!NameValidation.TryValidateTeamName(teamName, out var error))
            return Fail<Team>(RegistryError.InvalidName, error);
        // Teams do not exist for anonymous callers.
        var team = caller.IsAnonymous ? null : await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Name == teamName, cancellationToken);
        if (team is null)
            return Fail<Team>(RegistryError.NotFound, $"There is no team named '{teamName}'.");
        var userId = caller.UserId;
        var owner = caller.IsAdmin
            || await db.TeamMembers.AnyAsync(m => m.TeamId == team.Id && m.UserId == userId && m.Role == TeamRole.Owner, cancellationToken);
        if (!owner || !caller.Allows(TokenScopes.Push))
            return Fail<Team>(RegistryError.Forbidden,
                $"Only the owners of the team '{team.Name}' and administrators may {verb} it, with a token that allows '{TokenScopes.Push}'.");
        return RegistryResult<Team>.Success(team);
    }

    // A fresh object, so the untracked team is never attached to the context by a later save.
    private static TeamMember WithTeam(TeamMember member, Team team) =>
        new() { TeamId = member.TeamId, UserId = member.UserId, Role = member.Role, Team = team };

    private static string Target(Team team) => $"team:{team.Name}";

    private static RegistryResult<T> Unusable<T>() where T : class =>
        Fail<T>(RegistryError.NotFound, "This invitation link is not valid: it may have expired or been revoked. Ask a team owner for a new one.");

    private static RegistryResult<T> Fail<T>(RegistryError error, string message) where T : class => RegistryResult<T>.Failure(error, message);
}
