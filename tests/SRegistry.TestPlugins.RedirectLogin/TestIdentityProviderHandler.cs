using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Authentication;

namespace SRegistry.TestPlugins.RedirectLogin;

/// <summary>
/// An identity provider that vouches at once for whoever the <c>idp-user</c> query value names
/// (the challenge's return URL carries it), with the groups in <c>idp-groups</c>, and hands the
/// result to the core through <see cref="RegistryAuthenticationSchemes.External"/> as a real
/// provider's callback would.
/// </summary>
public sealed class TestIdentityProviderHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var form = Request.HasFormContentType ? await Request.ReadFormAsync() : null;
        var user = form?["idp-user"].ToString() ?? "";
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "subject-" + user),
            new(ClaimTypes.Name, user),
            new(ClaimTypes.Email, user + "@idp.example"),
        };
        claims.AddRange((form?["idp-groups"].ToString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(g => new Claim(RegistryAuthenticationSchemes.GroupClaimType, g)));
        await Context.SignInAsync(RegistryAuthenticationSchemes.External, new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), properties);
        Response.Redirect(properties.RedirectUri ?? "/");
    }
}
