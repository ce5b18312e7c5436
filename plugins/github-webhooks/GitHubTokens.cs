using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SRegistry.Plugins.GitHubWebhooks;

/// <summary>
/// The token the plugin calls GitHub with: the configured token, or a GitHub App installation token
/// (an RS256 app JWT exchanged at <c>POST /app/installations/{id}/access_tokens</c>, the installation
/// found with <c>GET /repos/{owner}/{repo}/installation</c>), cached until shortly before it expires.
/// Tokens stay in memory; they are never logged and never handed to builds.
/// </summary>
public sealed class GitHubTokens(IHttpClientFactory clients, IOptions<GitHubWebhooksOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset ExpiresAt)> _installationTokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _exchanging = new(1, 1);
    private readonly Lazy<RSA> _key = new(() => LoadKey(options.Value.PrivateKeyFile));

    /// <summary>A token that may post statuses to <paramref name="repository"/> (<c>owner/name</c>).</summary>
    public async Task<string> ForRepositoryAsync(string repository, CancellationToken cancellationToken)
    {
        if (options.Value.Token.Length > 0)
            return options.Value.Token;
        if (Cached(repository) is { } cached)
            return cached;

        // One exchange at a time: statuses of one build are posted concurrently, and each exchange
        // mints a new token against GitHub's rate limit.
        await _exchanging.WaitAsync(cancellationToken);
        try
        {
            return Cached(repository) ?? await ExchangeAsync(repository, cancellationToken);
        }
        finally
        {
            _exchanging.Release();
        }
    }

    private string? Cached(string repository) =>
        _installationTokens.TryGetValue(repository, out var cached) && cached.ExpiresAt > time.GetUtcNow().AddMinutes(5) ? cached.Token : null;

    private async Task<string> ExchangeAsync(string repository, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(GitHubApi.ClientName);
        var jwt = AppJwt();
        using var find = GitHubApi.Request(HttpMethod.Get, $"repos/{repository}/installation", jwt);
        using var found = await client.SendAsync(find, cancellationToken);
        await GitHubApi.EnsureSuccessAsync(found, "find the GitHub App's installation on " + repository, cancellationToken);
        var installation = await found.Content.ReadFromJsonAsync<GitHubPayloads.Installation>(GitHubPayloads.Json, cancellationToken)
            ?? throw new HttpRequestException("GitHub answered the installation lookup with an empty body.");

        using var exchange = GitHubApi.Request(HttpMethod.Post, $"app/installations/{installation.Id}/access_tokens", jwt);
        using var issued = await client.SendAsync(exchange, cancellationToken);
        await GitHubApi.EnsureSuccessAsync(issued, "get an installation token", cancellationToken);
        var token = await issued.Content.ReadFromJsonAsync<GitHubPayloads.AccessToken>(GitHubPayloads.Json, cancellationToken)
            ?? throw new HttpRequestException("GitHub answered the token request with an empty body.");
        _installationTokens[repository] = (token.Token, token.ExpiresAt);
        return token.Token;
    }

    // GitHub's app JWT: RS256, issued a minute in the past against clock drift, valid for under ten minutes.
    private string AppJwt()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var header = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT" }));
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { iat = now - 60, exp = now + 540, iss = options.Value.AppId }));
        var signed = $"{header}.{payload}";
        var signature = _key.Value.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Base64Url.EncodeToString(signature)}";
    }

    private static RSA LoadKey(string file)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(file));
        return rsa;
    }
}
