using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SRegistry.Server.Tests.Builds;

/// <summary>As a GitHub App: an RS256 app JWT finds the installation and buys an installation token, which posts the statuses.</summary>
public sealed class GitHubAppTests
{
    [Fact]
    public async Task AppCredentials_ExchangeASignedJwtForAnInstallationToken_AndPostStatusesWithIt()
    {
        using var key = RSA.Create(2048);
        await using var server = await BuildServer.StartAsync(appId: "12345", appKeyPem: key.ExportRSAPrivateKeyPem());
        var scene = await BuildScene.CreateAsync(server);
        var after = GitHubDeliveries.Sha();

        var id = Assert.Single(await scene.TriggerAsync("push", scene.Hooks.Push("main", after, (after, ["Singularity"], []))));
        await scene.WaitForAsync(id, "success");

        var requests = server.GitHub.Requests.ToList();
        var lookup = Assert.Single(requests, r => r.Path == $"/repos/{scene.Repository}/installation");
        var exchange = Assert.Single(requests, r => r.Path == $"/app/installations/{FakeGitHub.InstallationId}/access_tokens");
        Assert.Equal("GET", lookup.Method);
        Assert.Equal("POST", exchange.Method);
        foreach (var appCall in new[] { lookup, exchange })
        {
            Assert.Equal("application/vnd.github+json", appCall.Accept);
            AssertAppJwt(appCall.Authorization, key, "12345");
        }

        var statuses = await server.GitHub.StatusesOnceAsync(scene.Repository, after, "success");
        Assert.Equal(["pending", "success"], statuses.Select(s => s.State).Distinct());
        Assert.All(statuses, s => Assert.Equal($"Bearer {FakeGitHub.InstallationToken}", s.Authorization));
    }

    private static void AssertAppJwt(string authorization, RSA key, string appId)
    {
        Assert.StartsWith("Bearer ", authorization, StringComparison.Ordinal);
        var parts = authorization["Bearer ".Length..].Split('.');
        Assert.Equal(3, parts.Length);
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "The app JWT's RS256 signature does not verify with the App's public key.");
        using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
        using var payload = JsonDocument.Parse(FromBase64Url(parts[1]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(appId, payload.RootElement.GetProperty("iss").GetString());
        var lifetime = payload.RootElement.GetProperty("exp").GetInt64() - payload.RootElement.GetProperty("iat").GetInt64();
        Assert.InRange(lifetime, 1, 600);
    }

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
