using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SRegistry.Core;
using SRegistry.Core.Catalog;

namespace SRegistry.Server.Web.Pages;

/// <summary>What every page shares: who is asking, and how refusals become pages.</summary>
public abstract class RegistryPageModel(WebCallers callers) : PageModel
{
    /// <summary>What a form achieved, shown once after the redirect that follows it.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Why a form was refused, shown on the page it came from.</summary>
    public string? Error { get; set; }

    /// <summary>The caller of this request (anonymous when not signed in).</summary>
    protected Task<Caller> CallerAsync() => callers.ForAsync(HttpContext);

    /// <summary>
    /// The answer to a refused read: 404 for what does not exist or may not be seen (private means
    /// invisible), a redirect to sign-in when signing in could help, otherwise 403 with the reason.
    /// </summary>
    protected IActionResult Refusal(RegistryError error, string message, Caller caller) =>
        error switch
        {
            RegistryError.NotFound => NotFound(),
            RegistryError.Forbidden when caller.IsAnonymous => Challenge(),
            _ => new ObjectResult(message) { StatusCode = StatusCodes.Status403Forbidden },
        };
}
