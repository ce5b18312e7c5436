using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;
using SRegistry.Core.Teams;

namespace SRegistry.Core.Accounts;

/// <summary>
/// Applies <see cref="ExternalGroupOptions"/> to an external user at sign-in: the administrator flag
/// and membership of mapped teams follow the directory's groups, each change audited. The caller saves.
/// </summary>
public sealed class ExternalRoleSync(
    RegistryDbContext db, AuditLog audit, TimeProvider time, IOptions<ExternalAccountOptions> options, ILogger<ExternalRoleSync> logger)
{
    /// <summary>Brings <paramref name="user"/> (saved, tracked) in line with <paramref name="groups"/>.</summary>
    public async Task ApplyAsync(User user, IReadOnlyList<string> groups, Actor actor, CancellationToken cancellationToken)
    {
        var mapping = options.Value.ExternalGroups;
        var memberOf = new HashSet<string>(groups, StringComparer.OrdinalIgnoreCase);
        if (mapping.Admins.Count > 0)
            SetAdmin(user, mapping.Admins.Where(memberOf.Contains).ToList(), actor);
        if (mapping.Teams.Count > 0)
            await SetTeamsAsync(user, mapping, memberOf, actor, cancellationToken);
    }

    private void SetAdmin(User user, List<string> adminGroups, Actor actor)
    {
        var isAdmin = adminGroups.Count > 0;
        if (user.IsAdmin == isAdmin)
            return;
        user.IsAdmin = isAdmin;
        audit.Record(actor, isAdmin ? AuditActions.UserAdminGrant : AuditActions.UserAdminRevoke, $"user:{user.UserName}", new { groups = adminGroups });
    }

    private async Task SetTeamsAsync(User user, ExternalGroupOptions mapping, HashSet<string> memberOf, Actor actor, CancellationToken cancellationToken)
    {
        var managed = mapping.Teams.Values.Distinct().ToList();
        var wanted = mapping.Teams.Where(p => memberOf.Contains(p.Key)).Select(p => p.Value).ToHashSet();
        var current = await db.TeamMembers.Include(m => m.Team)
            .Where(m => m.UserId == user.Id && managed.Contains(m.Team.Name)).ToListAsync(cancellationToken);

        foreach (var member in current.Where(m => !wanted.Contains(m.Team.Name)))
        {
            db.TeamMembers.Remove(member);
            audit.Record(actor, TeamAuditActions.MemberRemove, $"team:{member.Team.Name}", new { user = user.UserName, role = member.Role.ToString() });
        }

        foreach (var teamName in wanted.Except(current.Select(m => m.Team.Name)).Order())
        {
            var team = await FindOrCreateTeamAsync(teamName, actor, cancellationToken);
            if (team is null)
                continue;
            db.TeamMembers.Add(new TeamMember { Team = team, User = user, Role = TeamRole.Member });
            audit.Record(actor, TeamAuditActions.MemberSet, $"team:{teamName}", new { user = user.UserName, role = nameof(TeamRole.Member) });
        }
    }

    private async Task<Team?> FindOrCreateTeamAsync(string name, Actor actor, CancellationToken cancellationToken)
    {
        var team = db.Teams.Local.SingleOrDefault(t => t.Name == name)
            ?? await db.Teams.SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
        if (team is not null)
            return team;

        // Team and user names share one namespace (both name entities), so a user's name is not a team's.
        if (await db.Users.AnyAsync(u => u.UserName == name, cancellationToken))
        {
            logger.LogWarning("Accounts:ExternalGroups:Teams maps a group to {Team}, which is a user's name; no team membership was given", name);
            return null;
        }

        team = new Team { Name = name, Description = "Membership follows a directory group.", CreatedAt = time.GetUtcNow() };
        db.Teams.Add(team);
        audit.Record(actor, TeamAuditActions.TeamCreate, $"team:{name}");
        return team;
    }
}
