namespace SRegistry.Plugins.Saml.Tests;

public sealed class IdentityProviderMetadataParserTests
{
    [Fact]
    public void Parse_IdentityProviderMetadata_ReadsEntityIdRedirectSsoUrlAndEverySigningCertificate()
    {
        using var first = TestCertificates.Create("one");
        using var second = TestCertificates.Create("two");

        var idp = IdentityProviderMetadataParser.Parse(TestCertificates.Metadata("https://idp.example.test",
            Convert.ToBase64String(first.RawData), Convert.ToBase64String(second.RawData)));

        Assert.Equal("https://idp.example.test", idp.EntityId);
        Assert.Equal("https://idp.example.test/sso", idp.SingleSignOnUrl.AbsoluteUri);
        Assert.Equal([first.Thumbprint, second.Thumbprint], idp.SigningCertificates.Select(c => c.Thumbprint));
    }

    [Fact]
    public void Parse_MetadataWithoutACertificate_IsRefusedSayingSo()
    {
        var refused = Assert.Throws<SamlRefusedException>(() => IdentityProviderMetadataParser.Parse(TestCertificates.Metadata("https://idp.example.test")));

        Assert.Contains("no signing certificate", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MetadataWithADocumentType_IsRefusedWithoutReadingTheEntity()
    {
        using var certificate = TestCertificates.Create("one");
        var metadata = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>" +
                       TestCertificates.Metadata("&e;", Convert.ToBase64String(certificate.RawData));

        var refused = Assert.Throws<SamlRefusedException>(() => IdentityProviderMetadataParser.Parse(metadata));

        Assert.Contains("DTD", refused.Detail, StringComparison.Ordinal);
    }
}
