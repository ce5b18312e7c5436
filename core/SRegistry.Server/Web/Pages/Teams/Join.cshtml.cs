using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SRegistry.Core.Domain;
using SRegistry.Core.Teams;

namespace SRegistry.Server.Web.Pages.Teams;

/// <summary>
/// <c>/teams/join/{secret}</c>, where an invitation link leads: GET only shows the team, joining is the
/// POST of its button, so a link preview or prefetch never joins anyone.
/// </summary>
public sealed class JoinModel(WebCallers callers, TeamInvitations invitations) : RegistryPageModel(callers)
{
    public Team? Team { get; private set; }

    public async Task<IActionResult> OnGetAsync(string secret)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        var opened = await invitations.OpenAsync(secret, caller, HttpContext.RequestAborted);
        if (!opened.Succeeded) return Unusable(opened.Message);
        Team = opened.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string secret)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        var joined = await invitations.AcceptAsync(secret, caller, HttpContext.RequestAborted);
        if (!joined.Succeeded) return Unusable(joined.Message);
        Notice = $"You are a member of the team '{joined.Value.Team.Name}'.";
        return RedirectToPage("Team", new { team = joined.Value.Team.Name });
    }

    // A page that says why, with 404: the link leads nowhere, and nothing tells whether it ever did.
    private PageResult Unusable(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
