using System.Security.Claims;
using SRegistry.Abstractions.Authentication;

namespace SRegistry.Plugins.Saml;

/// <summary>Maps a checked assertion to the claims the core's external-login callback reads.</summary>
public static class SamlClaims
{
    /// <summary>The NameID is the subject; the configured attributes give user name, e-mail, full name and groups.</summary>
    public static ClaimsPrincipal Principal(SamlAssertion assertion, SamlOptions options, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, assertion.NameId),
            new(ClaimTypes.Name, First(assertion, options.UserNameAttribute) ?? assertion.NameId),
        };
        if (First(assertion, options.EmailAttribute) is { } email)
            claims.Add(new Claim(ClaimTypes.Email, email));
        if (First(assertion, options.DisplayNameAttribute) is { } name)
            claims.Add(new Claim("name", name));
        claims.AddRange(All(assertion, options.GroupsAttribute).Distinct(StringComparer.Ordinal)
            .Select(g => new Claim(RegistryAuthenticationSchemes.GroupClaimType, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    private static string? First(SamlAssertion assertion, string attribute) => All(assertion, attribute).FirstOrDefault();

    private static IEnumerable<string> All(SamlAssertion assertion, string attribute) =>
        attribute.Length > 0 && assertion.Attributes.TryGetValue(attribute, out var values) ? values : [];
}
