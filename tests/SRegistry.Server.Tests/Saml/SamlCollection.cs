namespace SRegistry.Server.Tests.Saml;

/// <summary>The SAML test classes share one server and identity provider (each test signs in as its own user).</summary>
[CollectionDefinition(Name)]
public sealed class SamlCollection : ICollectionFixture<SamlServerFixture>
{
    public const string Name = "Saml";
}
