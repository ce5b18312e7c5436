using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;

namespace SRegistry.Plugins.Saml;

/// <summary>Reads the identity provider's entity id, HTTP-Redirect SSO URL and signing certificates from SAML metadata.</summary>
public static class IdentityProviderMetadataParser
{
    /// <summary>Parses <paramref name="xml"/>; refuses metadata without exactly one identity provider, an SSO URL or a certificate.</summary>
    public static IdentityProviderDescriptor Parse(string xml)
    {
        const string Refused = "The identity provider's metadata is not usable.";
        var document = SafeXml.Load(xml, "identity provider metadata");
        var descriptors = document.GetElementsByTagName("IDPSSODescriptor", SamlNamespaces.Metadata).Cast<XmlElement>().ToList();
        if (descriptors.Count != 1)
            throw new SamlRefusedException(Refused, $"it has {descriptors.Count} IDPSSODescriptor elements; exactly one identity provider is needed.");
        var idp = descriptors[0];
        if (idp.ParentNode is not XmlElement { LocalName: "EntityDescriptor" } entity || entity.GetAttribute("entityID") is not { Length: > 0 } entityId)
            throw new SamlRefusedException(Refused, "its IDPSSODescriptor is not inside an EntityDescriptor with an entityID.");

        var sso = idp.ChildNodes.OfType<XmlElement>()
            .Where(e => e.LocalName == "SingleSignOnService" && e.NamespaceURI == SamlNamespaces.Metadata && e.GetAttribute("Binding") == SamlNamespaces.RedirectBinding)
            .Select(e => e.GetAttribute("Location"))
            .FirstOrDefault();
        if (!Uri.TryCreate(sso, UriKind.Absolute, out var ssoUrl) || ssoUrl.Scheme is not ("https" or "http"))
            throw new SamlRefusedException(Refused, "it names no SingleSignOnService with the HTTP-Redirect binding and an http(s) Location.");

        var certificates = new List<X509Certificate2>();
        foreach (var key in idp.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "KeyDescriptor" && e.NamespaceURI == SamlNamespaces.Metadata))
        {
            if (key.GetAttribute("use") is not ("" or "signing"))
                continue;
            foreach (var data in key.GetElementsByTagName("X509Certificate", SamlNamespaces.XmlDsig).Cast<XmlElement>())
                certificates.Add(LoadCertificate(data.InnerText, Refused));
        }

        if (certificates.Count == 0)
            throw new SamlRefusedException(Refused, "it has no signing certificate (KeyDescriptor with an X509Certificate).");
        return new IdentityProviderDescriptor(entityId, ssoUrl, certificates);
    }

    private static X509Certificate2 LoadCertificate(string base64, string refused)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(string.Concat(base64.Where(c => !char.IsWhiteSpace(c)))));
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw new SamlRefusedException(refused, $"an X509Certificate is not a base64 DER certificate: {e.Message}");
        }
    }
}
