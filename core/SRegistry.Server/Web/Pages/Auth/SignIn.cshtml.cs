using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Accounts;
using SRegistry.Abstractions.Hosting;

namespace SRegistry.Server.Web.Pages.Auth;

[PublicInPrivateMode]
public sealed class SignInModel(WebCallers callers, PasswordSignIn passwords, LoginSchemes schemes, SignInRefusals refusals) : RegistryPageModel(callers)
{
    /// <summary>The plugins' redirect logins, one button each.</summary>
    public IReadOnlyList<Microsoft.AspNetCore.Authentication.AuthenticationScheme> Schemes { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>A redirect-login plugin's protected refusal message (see <see cref="SignInRefusals"/>).</summary>
    [BindProperty(SupportsGet = true, Name = SignInRefusals.QueryKey)]
    public string? RefusalMessage { get; set; }

    public async Task OnGetAsync()
    {
        Error = refusals.Read(RefusalMessage);
        Schemes = await schemes.ListAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Local accounts and directory accounts (ldap-auth) alike; an unreachable directory says so.
        var signedIn = await passwords.SignInAsync(UserName ?? "", Password ?? "", HttpContext.RequestAborted);
        if (!signedIn.Succeeded)
        {
            Error = signedIn.Outcome == PasswordSignInOutcome.InvalidCredentials ? "The user name or password is not right." : signedIn.Message;
            Schemes = await schemes.ListAsync();
            return Page();
        }

        await WebSession.SignInAsync(HttpContext, signedIn.User);
        // Only paths on this site: an open redirect would let a phishing link borrow the registry's name.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
