namespace SRegistry.Plugins.Saml;

/// <summary>Settings of the saml plugin, bound from <c>Plugins:saml</c> and validated at start by <see cref="SamlOptionsValidator"/>.</summary>
public sealed class SamlOptions
{
    /// <summary>The sign-in button says "Sign in with" this.</summary>
    public string DisplayName { get; set; } = "SAML single sign-on";

    /// <summary>This registry's entity id as a SAML service provider (the Audience the identity provider must name).</summary>
    public string EntityId { get; set; } = "";

    /// <summary>The registry's URL as browsers reach it (scheme, host, optional path), from which the ACS URL is made.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>A file with the identity provider's SAML metadata (entity id, SSO URL, signing certificates).</summary>
    public string IdentityProviderMetadataFile { get; set; } = "";

    /// <summary>An https URL of the identity provider's SAML metadata, when no file is given; fetched on first use and hourly.</summary>
    public string IdentityProviderMetadataUrl { get; set; } = "";

    /// <summary>The NameID format requested; a persistent id keeps one account per person.</summary>
    public string NameIdFormat { get; set; } = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    /// <summary>The attribute (Name or FriendlyName) holding the user name; empty uses the NameID.</summary>
    public string UserNameAttribute { get; set; } = "uid";

    /// <summary>The attribute holding the e-mail address.</summary>
    public string EmailAttribute { get; set; } = "mail";

    /// <summary>The attribute holding the full name.</summary>
    public string DisplayNameAttribute { get; set; } = "displayName";

    /// <summary>The attribute whose values are group names (mapped by <c>Accounts:ExternalGroups</c>).</summary>
    public string GroupsAttribute { get; set; } = "groups";

    /// <summary>How far the identity provider's clock may differ from ours.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a sign-in may take at the identity provider before its request is forgotten.</summary>
    public TimeSpan RequestLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Accept SHA-1 signatures and digests (broken; only for an identity provider that cannot do SHA-256).</summary>
    public bool AllowSha1 { get; set; }

    /// <summary>The assertion consumer service URL, where the identity provider posts its response.</summary>
    public string AssertionConsumerServiceUrl => PublicBaseUrl.TrimEnd('/') + SamlPaths.AssertionConsumerService;
}
