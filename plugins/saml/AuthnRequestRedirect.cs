using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace SRegistry.Plugins.Saml;

/// <summary>Makes the HTTP-Redirect binding URL of an AuthnRequest: DEFLATE, base64, URL-encoded, with RelayState.</summary>
public static class AuthnRequestRedirect
{
    /// <summary>The identity provider's SSO URL carrying an AuthnRequest with <paramref name="requestId"/>.</summary>
    public static string Url(IdentityProviderDescriptor idp, SamlOptions options, string requestId, DateTimeOffset now, string relayState)
    {
        XNamespace samlp = SamlNamespaces.Protocol;
        XNamespace saml = SamlNamespaces.Assertion;
        var request = new XElement(samlp + "AuthnRequest",
            new XAttribute(XNamespace.Xmlns + "samlp", samlp.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "saml", saml.NamespaceName),
            new XAttribute("ID", requestId),
            new XAttribute("Version", "2.0"),
            new XAttribute("IssueInstant", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            new XAttribute("Destination", idp.SingleSignOnUrl.AbsoluteUri),
            new XAttribute("AssertionConsumerServiceURL", options.AssertionConsumerServiceUrl),
            new XAttribute("ProtocolBinding", SamlNamespaces.PostBinding),
            new XElement(saml + "Issuer", options.EntityId),
            new XElement(samlp + "NameIDPolicy", new XAttribute("Format", options.NameIdFormat), new XAttribute("AllowCreate", "true")));

        using var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var bytes = Encoding.UTF8.GetBytes(request.ToString(SaveOptions.DisableFormatting));
            deflate.Write(bytes);
        }

        var sso = idp.SingleSignOnUrl.AbsoluteUri;
        return sso + (sso.Contains('?', StringComparison.Ordinal) ? "&" : "?")
            + "SAMLRequest=" + Uri.EscapeDataString(Convert.ToBase64String(compressed.ToArray()))
            + "&RelayState=" + Uri.EscapeDataString(relayState);
    }
}
