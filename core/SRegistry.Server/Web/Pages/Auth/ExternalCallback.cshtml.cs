using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using SRegistry.Abstractions.Authentication;
using SRegistry.Core.Accounts;
using SRegistry.Abstractions.Hosting;

namespace SRegistry.Server.Web.Pages.Auth;

/// <summary>
/// Where a plugin's redirect login comes back: the identity it vouched for (held in the short-lived
/// external cookie) becomes a linked local account and a session. A GET, as every redirect login's
/// return is; it acts only on what the plugin itself put in the external cookie.
/// </summary>
[PublicInPrivateMode]
public sealed class ExternalCallbackModel(WebCallers callers, ExternalAccountProvisioner accounts) : RegistryPageModel(callers)
{
    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var external = await HttpContext.AuthenticateAsync(RegistryAuthenticationSchemes.External);
        await HttpContext.SignOutAsync(RegistryAuthenticationSchemes.External);
        if (external.Principal is not { } principal || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } subject)
        {
            Error = "The sign-in did not complete (it was cancelled, or took too long); try again.";
            return Page();
        }

        var identity = new ExternalIdentity(
            principal.Identity?.AuthenticationType ?? "external",
            subject,
            principal.FindFirstValue(ClaimTypes.Name) ?? subject,
            principal.FindFirstValue(ClaimTypes.Email),
            principal.FindFirstValue("name"),
            [.. principal.FindAll(RegistryAuthenticationSchemes.GroupClaimType).Select(c => c.Value)]);
        var user = await accounts.SignInAsync(identity, HttpContext.RequestAborted);
        if (!user.Succeeded)
        {
            Error = user.Message;
            return Page();
        }

        await WebSession.SignInAsync(HttpContext, user.Value);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
