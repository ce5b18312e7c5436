using System.Security.Cryptography.Xml;
using System.Xml;

namespace SRegistry.Plugins.Saml;

/// <summary>
/// Finds the one assertion a response vouches for, trusting only what a signature by the identity
/// provider's own certificate covers. Against XML signature wrapping the document must have unique
/// ids, exactly one assertion (a direct child of the response, so it is inside a signed response),
/// and each signature exactly one reference to the very element it is enveloped in.
/// </summary>
public static class SamlSignatureCheck
{
    private const string Refused = "The identity provider's response was refused: ";
    private const string ExcC14n = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private const string Enveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    private static readonly string[] StrongSignatureMethods =
    [
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
    ];

    private static readonly string[] StrongDigestMethods =
    [
        "http://www.w3.org/2001/04/xmlenc#sha256",
        "http://www.w3.org/2001/04/xmldsig-more#sha384",
        "http://www.w3.org/2001/04/xmlenc#sha512",
    ];

    private const string Sha1Signature = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    private const string Sha1Digest = "http://www.w3.org/2000/09/xmldsig#sha1";

    /// <summary>Returns the response's assertion once a valid signature covers it, or refuses the response.</summary>
    public static XmlElement TrustedAssertion(XmlDocument document, IdentityProviderDescriptor idp, bool allowSha1)
    {
        var response = document.DocumentElement;
        if (response is not { LocalName: "Response", NamespaceURI: SamlNamespaces.Protocol })
            throw Refuse("it is not a SAML Response.", $"root element is {response?.Name}");
        RequireUniqueIds(document);

        if (document.GetElementsByTagName("EncryptedAssertion", SamlNamespaces.Assertion).Count > 0)
            throw Refuse("it holds an encrypted assertion, which this registry does not accept; ask for unencrypted assertions over HTTPS.", "EncryptedAssertion present");
        var assertions = document.GetElementsByTagName("Assertion", SamlNamespaces.Assertion).Cast<XmlElement>().ToList();
        if (assertions.Count != 1 || assertions[0].ParentNode != response)
            throw Refuse("it must hold exactly one assertion, directly in the response.",
                $"{assertions.Count} Assertion elements; first parent {assertions.FirstOrDefault()?.ParentNode?.Name}");
        var assertion = assertions[0];

        var responseSignature = DirectSignature(response);
        var assertionSignature = DirectSignature(assertion);
        if (responseSignature is null && assertionSignature is null)
            throw Refuse("it is not signed.", "neither the Response nor the Assertion has a ds:Signature child");
        if (responseSignature is not null)
            Verify(response, responseSignature, idp, allowSha1);
        if (assertionSignature is not null)
            Verify(assertion, assertionSignature, idp, allowSha1);
        return assertion;
    }

    private static XmlElement? DirectSignature(XmlElement element)
    {
        var signatures = element.ChildNodes.OfType<XmlElement>().Where(e => e is { LocalName: "Signature", NamespaceURI: SamlNamespaces.XmlDsig }).ToList();
        return signatures.Count switch
        {
            0 => null,
            1 => signatures[0],
            _ => throw Refuse("an element carries more than one signature.", $"{signatures.Count} signatures on {element.Name}"),
        };
    }

    private static void RequireUniqueIds(XmlDocument document)
    {
        // SignedXml resolves a reference by any attribute called ID, Id or id: a second element with the
        // same value is how a wrapped copy would be made to look signed.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.SelectNodes("//*")!.Cast<XmlElement>())
        {
            foreach (var attribute in element.Attributes.Cast<XmlAttribute>().Where(a => a.LocalName is "ID" or "Id" or "id"))
            {
                if (!seen.Add(attribute.Value))
                    throw Refuse("it holds two elements with the same id.", $"duplicate id '{attribute.Value}'");
            }
        }
    }

    private static void Verify(XmlElement signedElement, XmlElement signature, IdentityProviderDescriptor idp, bool allowSha1)
    {
        var id = signedElement.GetAttribute("ID");
        var signed = new SignedXml(signedElement);
        try
        {
            signed.LoadXml(signature);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            // FormatException: a SignatureValue or DigestValue that is not base64.
            throw Refuse("its signature is malformed.", e.Message);
        }

        var info = signed.SignedInfo!;
        if (info.References.Count != 1 || info.References[0] is not Reference reference)
            throw Refuse("a signature must cover exactly one element.", $"{info.References.Count} references in the signature on {signedElement.Name}");
        if (id.Length == 0 || reference.Uri != "#" + id)
            throw Refuse("its signature does not cover the element it is attached to.", $"reference URI '{reference.Uri}', element {signedElement.Name} ID '{id}'");
        if (info.CanonicalizationMethod != ExcC14n)
            throw Refuse("its signature uses a canonicalization other than exclusive C14N.", info.CanonicalizationMethod);
        for (var i = 0; i < reference.TransformChain.Count; i++)
        {
            var algorithm = reference.TransformChain[i].Algorithm;
            if (algorithm is not (Enveloped or ExcC14n))
                throw Refuse("its signature uses a transform other than enveloped-signature and exclusive C14N.", algorithm ?? "");
        }

        if (!StrongSignatureMethods.Contains(info.SignatureMethod) && !(allowSha1 && info.SignatureMethod == Sha1Signature))
            throw Refuse("its signature uses a weak or unknown algorithm (SHA-256 or stronger is required).", $"SignatureMethod {info.SignatureMethod}");
        if (!StrongDigestMethods.Contains(reference.DigestMethod) && !(allowSha1 && reference.DigestMethod == Sha1Digest))
            throw Refuse("its signature uses a weak or unknown digest (SHA-256 or stronger is required).", $"DigestMethod {reference.DigestMethod}");

        // Only the certificates in the identity provider's metadata: a key in the response's own KeyInfo proves nothing.
        if (!idp.SigningCertificates.Any(certificate => signed.CheckSignature(certificate, verifySignatureOnly: true)))
            throw Refuse("its signature does not verify with the identity provider's certificate (the response was altered, or signed by someone else).",
                $"signature on {signedElement.Name} '{id}' did not verify with any of {idp.SigningCertificates.Count} certificate(s)");
    }

    private static SamlRefusedException Refuse(string reason, string detail) => new(Refused + reason, detail);
}
