using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Accounts;

namespace SRegistry.Server.Web.Pages.Auth;

public sealed class SignInModel(WebCallers callers, AccountService accounts) : RegistryPageModel(callers)
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrEmpty(UserName) || string.IsNullOrEmpty(Password)
            ? null
            : await accounts.VerifyPasswordAsync(UserName, Password, HttpContext.RequestAborted);
        if (user is null)
        {
            Error = "The user name or password is not right.";
            return Page();
        }

        await WebSession.SignInAsync(HttpContext, user);
        // Only paths on this site: an open redirect would let a phishing link borrow the registry's name.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
