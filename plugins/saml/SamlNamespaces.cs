namespace SRegistry.Plugins.Saml;

/// <summary>XML namespaces and algorithm URIs of SAML 2.0 and XML signatures.</summary>
public static class SamlNamespaces
{
    /// <summary>SAML 2.0 protocol (<c>samlp</c>).</summary>
    public const string Protocol = "urn:oasis:names:tc:SAML:2.0:protocol";

    /// <summary>SAML 2.0 assertion (<c>saml</c>).</summary>
    public const string Assertion = "urn:oasis:names:tc:SAML:2.0:assertion";

    /// <summary>SAML 2.0 metadata (<c>md</c>).</summary>
    public const string Metadata = "urn:oasis:names:tc:SAML:2.0:metadata";

    /// <summary>XML digital signatures (<c>ds</c>).</summary>
    public const string XmlDsig = "http://www.w3.org/2000/09/xmldsig#";

    /// <summary>The HTTP-Redirect binding.</summary>
    public const string RedirectBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    /// <summary>The HTTP-POST binding.</summary>
    public const string PostBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    /// <summary>The status of a response that vouches for someone.</summary>
    public const string StatusSuccess = "urn:oasis:names:tc:SAML:2.0:status:Success";

    /// <summary>The subject confirmation of a browser sign-in.</summary>
    public const string BearerConfirmation = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
}
