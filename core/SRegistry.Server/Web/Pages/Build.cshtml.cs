using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Builds;
using SRegistry.Core.Domain;

namespace SRegistry.Server.Web.Pages;

/// <summary><c>/builds/{id}</c>: one build, for those who see its collection (404 otherwise); owners may cancel it.</summary>
public sealed class BuildModel(WebCallers callers, BuildCatalog builds) : RegistryPageModel(callers)
{
    public Build? Build { get; private set; }

    public bool MayCancel { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var caller = await CallerAsync();
        var found = await builds.GetAsync(id, caller, HttpContext.RequestAborted);
        if (!found.Succeeded) return Refusal(found.Error, found.Message, caller);
        Build = found.Value;
        MayCancel = !caller.IsAnonymous && !BuildRequests.IsFinal(Build.State) && await builds.MayCancelAsync(Build, caller, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id)
    {
        var caller = await CallerAsync();
        var cancelled = await builds.CancelAsync(id, caller, HttpContext.RequestAborted);
        if (!cancelled.Succeeded && cancelled.Error != Core.RegistryError.Conflict) return Refusal(cancelled.Error, cancelled.Message, caller);
        Notice = cancelled.Succeeded ? "The build is cancelled." : cancelled.Message;
        return RedirectToPage(new { id });
    }
}
