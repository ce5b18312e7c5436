using System.IO.Compression;
using System.Xml.Linq;
using Microsoft.AspNetCore.WebUtilities;

namespace SRegistry.Plugins.Saml.Tests;

public sealed class AuthnRequestRedirectTests
{
    [Fact]
    public void Url_CarriesADeflatedAuthnRequestForOurAcsAndTheRelayState()
    {
        using var certificate = TestCertificates.Create("idp");
        var idp = new IdentityProviderDescriptor("https://idp.example.test", new Uri("https://idp.example.test/sso?tenant=a"), [certificate]);
        var options = new SamlOptions { EntityId = "https://registry.example.org/saml", PublicBaseUrl = "https://registry.example.org/" };

        var url = new Uri(AuthnRequestRedirect.Url(idp, options, "_0123456789abcdef", DateTimeOffset.UnixEpoch, "state+/="));
        var query = QueryHelpers.ParseQuery(url.Query);
        using var inflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(query["SAMLRequest"]!)), CompressionMode.Decompress);
        var request = XElement.Load(inflate);
        XNamespace saml = SamlNamespaces.Assertion;

        Assert.Equal("a", query["tenant"]);
        Assert.Equal("state+/=", query["RelayState"]);
        Assert.Equal(XName.Get("AuthnRequest", SamlNamespaces.Protocol), request.Name);
        Assert.Equal("_0123456789abcdef", (string?)request.Attribute("ID"));
        Assert.Equal("https://idp.example.test/sso?tenant=a", (string?)request.Attribute("Destination"));
        Assert.Equal("https://registry.example.org/plugins/saml/acs", (string?)request.Attribute("AssertionConsumerServiceURL"));
        Assert.Equal(SamlNamespaces.PostBinding, (string?)request.Attribute("ProtocolBinding"));
        Assert.Equal("1970-01-01T00:00:00Z", (string?)request.Attribute("IssueInstant"));
        Assert.Equal("https://registry.example.org/saml", request.Element(saml + "Issuer")?.Value);
    }
}
