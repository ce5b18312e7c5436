namespace SRegistry.Plugins.Saml;

/// <summary>The plugin's endpoints, under the path that names it.</summary>
public static class SamlPaths
{
    /// <summary>The authentication scheme's name (and the provider name of linked accounts).</summary>
    public const string Scheme = "saml";

    /// <summary>The service provider metadata an identity provider administrator imports.</summary>
    public const string Metadata = "/plugins/saml/metadata";

    /// <summary>The assertion consumer service (HTTP-POST binding).</summary>
    public const string AssertionConsumerService = "/plugins/saml/acs";
}
