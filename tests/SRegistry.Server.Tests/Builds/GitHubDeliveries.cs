using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Security.Cryptography;

namespace SRegistry.Server.Tests.Builds;

/// <summary>Sends webhook deliveries the way GitHub does: JSON body, event and delivery headers, HMAC-SHA256 signature.</summary>
public sealed class GitHubDeliveries(HttpClient http, string hookUrl, string secret, string repository)
{
    public const string CloneUrlBase = "https://github.example/";

    public async Task<HttpResponseMessage> SendAsync(string kind, object payload, string? delivery = null, string? signWith = null, bool signed = true)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, hookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", kind);
        request.Headers.Add("X-GitHub-Delivery", delivery ?? Guid.NewGuid().ToString());
        request.Headers.Add("User-Agent", "GitHub-Hookshot/test");
        if (signed) request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signWith ?? secret), body)));
        return await http.SendAsync(request);
    }

    public object Repository(string? fullName = null) =>
        new { full_name = fullName ?? repository, clone_url = $"{CloneUrlBase}{fullName ?? repository}.git", default_branch = "main" };

    public object Push(string branch, string after, params (string Id, string[] Added, string[] Modified)[] commits) => new
    {
        @ref = "refs/heads/" + branch,
        after,
        deleted = false,
        repository = Repository(),
        commits = commits.Select(c => new { id = c.Id, added = c.Added, modified = c.Modified, removed = Array.Empty<string>() }),
    };

    public object PullRequest(string action, long number, string headSha, bool merged = false, string? headRepository = null) => new
    {
        action,
        number,
        pull_request = new
        {
            number,
            merged,
            head = new { @ref = "feature", sha = headSha, repo = Repository(headRepository) },
            @base = new { @ref = "main", sha = "0000000000000000000000000000000000000000" },
        },
        repository = Repository(),
    };

    public static string Sha() => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString("N")))[..40];
}
