using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SRegistry.Abstractions.Hosting;

namespace SRegistry.Server.Web.Pages.Auth;

/// <summary>Starts a plugin's redirect login (a POST with antiforgery, so another site cannot start one).</summary>
[PublicInPrivateMode]
public sealed class ExternalModel(LoginSchemes schemes) : PageModel
{
    public IActionResult OnGet() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    public async Task<IActionResult> OnPostAsync(string? scheme, string? returnUrl)
    {
        if (!(await schemes.ListAsync()).Any(s => s.Name == scheme))
            return NotFound();
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        return Challenge(new AuthenticationProperties { RedirectUri = "/auth/external/callback?returnUrl=" + Uri.EscapeDataString(back) }, scheme!);
    }
}
