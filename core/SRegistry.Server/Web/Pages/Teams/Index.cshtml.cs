using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Domain;
using SRegistry.Core.Paging;
using SRegistry.Core.Teams;

namespace SRegistry.Server.Web.Pages.Teams;

/// <summary><c>/teams</c>: the caller's teams, every team (teams are visible to signed-in users), and creating one.</summary>
[Authorize(AuthenticationSchemes = WebSession.Scheme)]
public sealed class IndexModel(WebCallers callers, TeamService teams) : RegistryPageModel(callers)
{
    public IReadOnlyList<Team> Mine { get; private set; } = [];

    public Page<Team> All { get; private set; } = new([], PageRequest.First, 0);

    public Task<IActionResult> OnGetAsync(int? page) => ShowAsync(page);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? description)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        var created = await teams.CreateAsync(name ?? "", description, caller, HttpContext.RequestAborted);
        if (!created.Succeeded)
        {
            Error = created.Message;
            return await ShowAsync(null);
        }

        Notice = $"The team '{created.Value.Name}' is created; you are its owner.";
        return RedirectToPage("Team", new { team = created.Value.Name });
    }

    private async Task<IActionResult> ShowAsync(int? page)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        // Nobody belongs to more teams than a page holds at its largest.
        Mine = (await teams.ListAsync(caller, mineOnly: true, new PageRequest(1, PageRequest.MaxSize), HttpContext.RequestAborted)).Value!.Items;
        All = (await teams.ListAsync(caller, mineOnly: false, new PageRequest(Math.Max(page ?? 1, 1), PageRequest.DefaultSize), HttpContext.RequestAborted)).Value!;
        return Page();
    }
}
