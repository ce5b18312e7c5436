using System.Text;
using System.Xml;

namespace SRegistry.Server.Tests.Saml;

/// <summary>What the identity provider's page would post to the assertion consumer service.</summary>
/// <param name="Action">The ACS URL the identity provider posts to (from the AuthnRequest).</param>
/// <param name="SamlResponse">The base64 response.</param>
/// <param name="RelayState">The registry's state, handed back unchanged.</param>
/// <param name="RequestId">The AuthnRequest id the identity provider read.</param>
public sealed record SamlPost(string Action, string SamlResponse, string RelayState, string RequestId)
{
    /// <summary>The response as a document, to alter it after signing as an attacker would.</summary>
    public XmlDocument Document()
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(Encoding.UTF8.GetString(Convert.FromBase64String(SamlResponse)));
        return document;
    }

    /// <summary>The same post carrying <paramref name="document"/> instead.</summary>
    public SamlPost With(XmlDocument document) => this with { SamlResponse = Convert.ToBase64String(Encoding.UTF8.GetBytes(document.OuterXml)) };

    public FormUrlEncodedContent Form() => new(new Dictionary<string, string> { ["SAMLResponse"] = SamlResponse, ["RelayState"] = RelayState });
}
