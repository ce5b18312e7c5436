using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SRegistry.Plugins.Saml.Tests;

/// <summary>A self-signed certificate made for a test, as an identity provider's signing certificate.</summary>
public static class TestCertificates
{
    public static X509Certificate2 Create(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + name, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>Identity provider metadata with the given certificates (base64 DER) and an HTTP-Redirect SSO URL.</summary>
    public static string Metadata(string entityId, params string[] certificates) => $"""
        <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="{entityId}">
          <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            {string.Concat(certificates.Select(c => $"<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{c}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"))}
            <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.test/post" />
            <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.test/sso" />
          </md:IDPSSODescriptor>
        </md:EntityDescriptor>
        """;
}
