using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SRegistry.Server.Tests.Builds;

/// <summary>
/// GitHub's REST API as far as the github-webhooks plugin uses it, served by Kestrel on 127.0.0.1:
/// <c>POST /repos/{owner}/{repo}/statuses/{sha}</c> (201), <c>GET /repos/{owner}/{repo}/pulls/{number}/files</c>
/// (the files a test set for that pull request, paged as GitHub pages them), <c>GET /repos/{owner}/{repo}/installation</c>
/// and <c>POST /app/installations/{id}/access_tokens</c>. Every request is recorded for the tests to assert.
/// </summary>
public sealed class FakeGitHub : IAsyncDisposable
{
    public const string InstallationToken = "ghs_installationtoken";
    public const long InstallationId = 4242;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<long, string[]> _pullFiles = new();

    private FakeGitHub(WebApplication app) => _app = app;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeGitHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeGitHub(app);
        app.Use(async (context, next) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            fake.Requests.Enqueue(new Received(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.Authorization.ToString(), context.Request.Headers.Accept.ToString(), body));
            await next(context);
        });
        app.MapPost("/repos/{owner}/{repo}/statuses/{sha}", () => Results.Json(new { id = 1 }, statusCode: 201));
        app.MapGet("/repos/{owner}/{repo}/pulls/{number:long}/files", (long number, int page, int per_page) =>
            Results.Json(fake._pullFiles.GetValueOrDefault(number, []).Skip((page - 1) * per_page).Take(per_page)
                .Select(f => new { filename = f, status = f.StartsWith('-') ? "removed" : "modified" })));
        app.MapGet("/repos/{owner}/{repo}/installation", () => Results.Json(new { id = InstallationId }));
        app.MapPost("/app/installations/{id:long}/access_tokens", () =>
            Results.Json(new { token = InstallationToken, expires_at = DateTimeOffset.UtcNow.AddHours(1) }, statusCode: 201));
        await app.StartAsync();
        fake.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return fake;
    }

    /// <summary>Sets what <c>GET …/pulls/{number}/files</c> lists; a name starting with '-' is listed as removed.</summary>
    public void SetPullRequestFiles(long number, params string[] files) => _pullFiles[number] = files;

    /// <summary>The commit statuses posted for a commit, in arrival order, as (context, state, target_url).</summary>
    public List<(string Context, string State, string? TargetUrl, string Authorization)> Statuses(string repository, string sha) =>
        [.. Requests.Where(r => r.Method == "POST" && r.Path == $"/repos/{repository}/statuses/{sha}").Select(r =>
        {
            using var json = JsonDocument.Parse(r.Body);
            var root = json.RootElement;
            return (root.GetProperty("context").GetString()!, root.GetProperty("state").GetString()!,
                root.TryGetProperty("target_url", out var url) ? url.GetString() : null, r.Authorization);
        })];

    /// <summary>
    /// The commit statuses once one in <paramref name="state"/> has arrived. A build's status is posted just after its
    /// state is saved, so a test that saw the build finish waits (bounded, not timed) for the post too.
    /// </summary>
    public async Task<List<(string Context, string State, string? TargetUrl, string Authorization)>> StatusesOnceAsync(string repository, string sha, string state)
    {
        var giveUp = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var statuses = Statuses(repository, sha);
            if (statuses.Any(s => s.State == state)) return statuses;
            Assert.True(DateTime.UtcNow < giveUp, $"No '{state}' status was posted for {sha}; posted: {string.Join(", ", statuses.Select(s => s.State))}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One request as received.</summary>
    public sealed record Received(string Method, string Path, string Authorization, string Accept, string Body);
}
