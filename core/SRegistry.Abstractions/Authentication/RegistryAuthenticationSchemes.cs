namespace SRegistry.Abstractions.Authentication;

/// <summary>
/// Names a redirect-login plugin (SAML, OpenID Connect, …) needs. Such a plugin registers a standard
/// ASP.NET Core authentication scheme with a display name (the sign-in page lists it as a button)
/// and signs the result in to <see cref="External"/>; the core's callback then maps the claims
/// (<c>NameIdentifier</c>, <c>Name</c>, <c>Email</c>, <see cref="GroupClaimType"/>) to an account.
/// </summary>
public static class RegistryAuthenticationSchemes
{
    /// <summary>The cookie scheme that holds an external login until the core has mapped it.</summary>
    public const string External = "SRegistry.External";

    /// <summary>The claim type that carries one group name per claim.</summary>
    public const string GroupClaimType = "sregistry:group";
}
