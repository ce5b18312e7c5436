using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Accounts;
using SRegistry.Core.Robots;

namespace SRegistry.Server.Web.Pages.Teams;

/// <summary><c>/teams/{team}/robots</c>, for the team's owners: make, list and revoke the team's robots.</summary>
public sealed class TeamRobotsModel(WebCallers callers, RobotAccounts robots, TimeProvider time) : RegistryPageModel(callers)
{
    public string Team { get; private set; } = "";

    public RobotsView View { get; private set; } = new([], null);

    public Task<IActionResult> OnGetAsync(string team) => ShowAsync(team, null);

    public async Task<IActionResult> OnPostCreateAsync(string team, string? name, int? expiresInDays, string[]? scopes)
    {
        if (ExpiryDays.Read(expiresInDays, time, out var expiresAt) is { } outOfRange)
        {
            Error = outOfRange;
            return await ShowAsync(team, null);
        }

        var created = await robots.CreateForTeamAsync(team, name?.Trim() ?? "", scopes ?? [], expiresAt, await CallerAsync(), HttpContext.RequestAborted);
        if (!created.Succeeded) Error = created.Message;
        return await ShowAsync(team, created.Value);
    }

    public async Task<IActionResult> OnPostRevokeAsync(string team, string? robotName)
    {
        var revoked = await robots.RevokeAsync(robotName ?? "", await CallerAsync(), HttpContext.RequestAborted);
        if (!revoked.Succeeded)
        {
            Error = revoked.Message;
            return await ShowAsync(team, null);
        }

        Notice = $"The robot '{robotName}' is revoked.";
        return RedirectToPage(new { team });
    }

    private async Task<IActionResult> ShowAsync(string team, CreatedRobot? created)
    {
        var caller = await CallerAsync();
        var list = await robots.ListForTeamAsync(team, caller, HttpContext.RequestAborted);
        if (!list.Succeeded) return Refusal(list.Error, list.Message, caller);
        (Team, View) = (team, new RobotsView(list.Value, created));
        return Page();
    }
}
