using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace SRegistry.Server.Tests.Saml;

/// <summary>What an attacker holding one genuine signed response would try: edit it, or wrap its signed parts around forged ones.</summary>
public static class ResponseForgery
{
    private const string Assertion = "urn:oasis:names:tc:SAML:2.0:assertion";
    private const string Protocol = "urn:oasis:names:tc:SAML:2.0:protocol";
    private const string Dsig = "http://www.w3.org/2000/09/xmldsig#";

    public static XmlElement TheAssertion(XmlDocument document) => (XmlElement)document.GetElementsByTagName("Assertion", Assertion)[0]!;

    /// <summary>Replaces every value of the attribute whose FriendlyName or Name is <paramref name="name"/> inside <paramref name="scope"/>.</summary>
    public static void SetAttribute(XmlElement scope, string name, string value)
    {
        var found = false;
        foreach (var attribute in scope.GetElementsByTagName("Attribute", Assertion).Cast<XmlElement>()
                     .Where(a => a.GetAttribute("FriendlyName") == name || a.GetAttribute("Name") == name))
        {
            foreach (var attributeValue in attribute.GetElementsByTagName("AttributeValue", Assertion).Cast<XmlElement>())
            {
                attributeValue.InnerText = value;
                found = true;
            }
        }

        Assert.True(found, $"the response has no attribute {name}");
    }

    public static void SetNameId(XmlElement assertion, string value) =>
        ((XmlElement)assertion.GetElementsByTagName("NameID", Assertion)[0]!).InnerText = value;

    public static void RemoveDirectSignature(XmlElement element)
    {
        foreach (var signature in element.ChildNodes.OfType<XmlElement>().Where(e => e is { LocalName: "Signature", NamespaceURI: Dsig }).ToList())
            element.RemoveChild(signature);
    }

    /// <summary>A forged copy of the assertion (with <paramref name="forgedUser"/> as uid and NameID), unsigned, with the id given.</summary>
    public static XmlElement ForgedCopy(XmlElement assertion, string forgedUser, string id)
    {
        var forged = (XmlElement)assertion.CloneNode(deep: true);
        RemoveDirectSignature(forged);
        forged.SetAttribute("ID", id);
        SetAttribute(forged, "uid", forgedUser);
        SetNameId(forged, "subject-" + forgedUser);
        return forged;
    }

    /// <summary>Puts <paramref name="element"/> into a samlp:Extensions element of the response (where schema-lax parsers skip it).</summary>
    public static void HideInExtensions(XmlElement response, XmlElement element)
    {
        var extensions = response.OwnerDocument.CreateElement("samlp", "Extensions", Protocol);
        extensions.AppendChild(element);
        var issuer = response.GetElementsByTagName("Issuer", Assertion)[0]!;
        response.InsertAfter(extensions, issuer.ParentNode == response ? issuer : response.FirstChild);
    }

    /// <summary>Signs <paramref name="element"/> (enveloped, exc-c14n, SHA-256) with a key of the attacker's own, shipped in KeyInfo.</summary>
    public static void SignWithOwnKey(XmlElement element)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Attacker", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var signed = new SignedXml(element) { SigningKey = rsa };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference("#" + element.GetAttribute("ID")) { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        signed.KeyInfo = new KeyInfo();
        signed.KeyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.ComputeSignature();
        var issuer = element.GetElementsByTagName("Issuer", Assertion)[0]!;
        element.InsertAfter(element.OwnerDocument.ImportNode(signed.GetXml(), deep: true), issuer);
    }
}
