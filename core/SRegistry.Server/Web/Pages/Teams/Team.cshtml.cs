using SRegistry.Core.Catalog;
using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Domain;
using SRegistry.Core.Teams;

namespace SRegistry.Server.Web.Pages.Teams;

/// <summary><c>/teams/{team}</c>: members and roles, invitation links, leaving and deleting the team.</summary>
public sealed class TeamModel(WebCallers callers, TeamService teams, TeamInvitations invitations, EntityCatalog entities, TimeProvider time) : RegistryPageModel(callers)
{
    public Team? Team { get; private set; }

    /// <summary>Whether the caller may manage the team (its owners and administrators).</summary>
    public bool MayManage { get; private set; }

    /// <summary>The caller's own user name, to offer leaving to members.</summary>
    public string? Me { get; private set; }

    /// <summary>Whether the team's namespace (an entity of its name) exists.</summary>
    public bool HasEntity { get; private set; }

    /// <summary>The team's invitations; empty for those who may not manage them.</summary>
    public IReadOnlyList<TeamInvitation> Invitations { get; private set; } = [];

    /// <summary>The URL of an invitation just created: in this one response only.</summary>
    public string? CreatedUrl { get; private set; }

    public DateTimeOffset Now => time.GetUtcNow();

    public Task<IActionResult> OnGetAsync(string team) => ShowAsync(team);

    public async Task<IActionResult> OnPostSetMemberAsync(string team, string? userName, string? role)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        if (!Enum.TryParse<TeamRole>(role, out var teamRole) || !Enum.IsDefined(teamRole))
        {
            Error = "Choose the role Member or Owner.";
            return await ShowAsync(team);
        }

        var set = await teams.SetMemberAsync(team, userName ?? "", teamRole, caller, HttpContext.RequestAborted);
        return await AfterAsync(team, set.Succeeded, set.Message, $"'{userName}' is now {(teamRole == TeamRole.Owner ? "an owner" : "a member")} of the team.");
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(string team, string? userName)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        var removed = await teams.RemoveMemberAsync(team, userName ?? "", caller, HttpContext.RequestAborted);
        if (removed.Succeeded && userName == caller.UserName)
        {
            Notice = $"You left the team '{team}'.";
            return RedirectToPage("Index");
        }

        return await AfterAsync(team, removed.Succeeded, removed.Message, $"'{userName}' is no longer in the team.");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string team)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        var deleted = await teams.DeleteAsync(team, caller, HttpContext.RequestAborted);
        if (!deleted.Succeeded) return await AfterAsync(team, false, deleted.Message, "");
        Notice = $"The team '{team}' is deleted.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostInviteAsync(string team, int lifetimeDays)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        var created = await invitations.CreateAsync(team, TimeSpan.FromDays(lifetimeDays), caller, HttpContext.RequestAborted);
        if (created.Succeeded)
            CreatedUrl = $"{Request.Scheme}://{Request.Host}/teams/join/{created.Value.Secret}";
        else
            Error = created.Message;
        return await ShowAsync(team);
    }

    public async Task<IActionResult> OnPostRevokeInvitationAsync(string team, long invitationId)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        var revoked = await invitations.RevokeAsync(team, invitationId, caller, HttpContext.RequestAborted);
        return await AfterAsync(team, revoked.Succeeded, revoked.Message, "The invitation link is revoked.");
    }

    /// <summary>Creates the team's namespace (an entity of the team's name), so its collections belong to the team.</summary>
    public async Task<IActionResult> OnPostCreateEntityAsync(string team)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        var created = await entities.CreateEntityAsync(team, null, null, caller, HttpContext.RequestAborted);
        return await AfterAsync(team, created.Succeeded, created.Message, $"The namespace '{team}' now belongs to the team: create its collections from the collection list.");
    }

    // Post-redirect-get with a notice on success; the refusal shown in place otherwise.
    private async Task<IActionResult> AfterAsync(string team, bool succeeded, string refusal, string notice)
    {
        if (!succeeded)
        {
            Error = refusal;
            return await ShowAsync(team);
        }

        Notice = notice;
        return RedirectToPage(new { team });
    }

    private async Task<IActionResult> ShowAsync(string team)
    {
        var caller = await CallerAsync();
        var found = await teams.GetAsync(team, caller, HttpContext.RequestAborted);
        if (!found.Succeeded) return Refusal(found.Error, found.Message, caller);
        Team = found.Value;
        Me = caller.UserName;
        var listed = await invitations.ListAsync(team, caller, HttpContext.RequestAborted);
        MayManage = listed.Succeeded;
        HasEntity = (await entities.GetEntityAsync(team, caller, HttpContext.RequestAborted)).Succeeded;
        Invitations = listed.Value ?? [];
        return Page();
    }
}
