using System.Security.Cryptography;
using System.Text.Json;

namespace SRegistry.Plugins.GoogleBuild.Tests.Fakes;

/// <summary>A service account made for a test: a fresh RSA key and its key file, whose token_uri points at a fake.</summary>
public sealed class TestServiceAccount : IDisposable
{
    public TestServiceAccount(Uri tokenUri, string email = "registry@test-project.iam.gserviceaccount.com")
    {
        Email = email;
        Key = RSA.Create(2048);
        KeyFile = Path.Combine(Directory.CreateTempSubdirectory("sregistry-gsa-").FullName, "key.json");
        File.WriteAllText(KeyFile, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = "test-project",
            ["private_key_id"] = "0123456789abcdef",
            ["private_key"] = Key.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = email,
            ["client_id"] = "1234567890",
            ["token_uri"] = tokenUri.AbsoluteUri,
        }));
    }

    public string Email { get; }

    public RSA Key { get; }

    public string KeyFile { get; }

    public void Dispose()
    {
        Key.Dispose();
        Directory.Delete(Path.GetDirectoryName(KeyFile)!, recursive: true);
    }
}
