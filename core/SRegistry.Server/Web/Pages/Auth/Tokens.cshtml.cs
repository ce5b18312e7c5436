using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Accounts;
using SRegistry.Core.Domain;

namespace SRegistry.Server.Web.Pages.Auth;

/// <summary><c>/auth/tokens</c>, the page <c>singularity remote login</c> sends people to: create, list, revoke.</summary>
[Authorize(AuthenticationSchemes = WebSession.Scheme)]
public sealed class TokensModel(WebCallers callers, ApiTokenService tokens, TimeProvider time) : RegistryPageModel(callers)
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The secret of a token just created: in this one response, never stored or redirected.</summary>
    public string? CreatedSecret { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if ((await CallerAsync()).IsAnonymous) return Challenge();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? name, int? expiresInDays, string[]? scopes)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        if (ExpiryDays.Read(expiresInDays, time, out var expiresAt) is { } outOfRange)
        {
            Error = outOfRange;
        }
        else
        {
            var created = await tokens.CreateAsync(caller.UserName!, name ?? "", scopes ?? [], expiresAt, caller.Actor, HttpContext.RequestAborted);
            if (created.Succeeded)
                CreatedSecret = created.Value.Secret;
            else
                Error = created.Message;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? tokenName)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        var revoked = await tokens.RevokeAsync(caller.UserName!, tokenName ?? "", caller.Actor, HttpContext.RequestAborted);
        Notice = revoked.Succeeded ? $"The token '{tokenName}' is revoked." : revoked.Message;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var caller = await CallerAsync();
        Tokens = (await tokens.ListAsync(caller.UserName!, HttpContext.RequestAborted)).Value ?? [];
    }
}
