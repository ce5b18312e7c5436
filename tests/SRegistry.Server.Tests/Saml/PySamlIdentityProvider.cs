using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Saml;

/// <summary>
/// The independent identity provider: tests/interop/saml-idp/idp.py on Debian's pysaml2, signing with
/// xmlsec1 and a key pair made for this run. Debian's /usr/bin/python3 is named on purpose: another
/// python3 on PATH would not have the saml2 package.
/// </summary>
public sealed class PySamlIdentityProvider
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);
    private readonly string _script = FindScript();
    private readonly string _key;
    private readonly string _certificate;

    public PySamlIdentityProvider(string directory)
    {
        Directory.CreateDirectory(directory);
        _key = Path.Combine(directory, "idp-key.pem");
        _certificate = Path.Combine(directory, "idp-cert.pem");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Test SAML IdP", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(_key, rsa.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(_certificate, certificate.ExportCertificatePem());
        MetadataFile = Path.Combine(directory, "idp-metadata.xml");
    }

    /// <summary>Where <see cref="WriteMetadataAsync"/> puts the IdP's metadata (for Plugins:saml:IdentityProviderMetadataFile).</summary>
    public string MetadataFile { get; }

    public async Task WriteMetadataAsync()
    {
        var result = await RunAsync(["metadata"]);
        await File.WriteAllTextAsync(MetadataFile, result);
    }

    /// <summary>Answers the AuthnRequest in <paramref name="requestUrl"/> (the registry's redirect) with a signed response.</summary>
    public async Task<SamlPost> RespondAsync(string spMetadataFile, string requestUrl, string user, params string[] options)
    {
        var output = await RunAsync(["respond", "--sp-metadata", spMetadataFile, "--request-url", requestUrl, "--user", user, .. options]);
        using var json = JsonDocument.Parse(output);
        string Field(string name) => json.RootElement.GetProperty(name).GetString()!;
        return new SamlPost(Field("action"), Field("SAMLResponse"), Field("RelayState"), Field("request_id"));
    }

    private async Task<string> RunAsync(string[] args)
    {
        var result = await ToolProcess.RunAsync(Python, [_script, .. args, "--key", _key, "--cert", _certificate], Limit);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"idp.py {args[0]} failed (is python3-pysaml2 with xmlsec1 installed?):\n{result}");
        return result.StandardOutput;
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SRegistry.sln")))
                return Path.Combine(dir.FullName, "tests", "interop", "saml-idp", "idp.py");
        }

        throw new DirectoryNotFoundException("SRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
