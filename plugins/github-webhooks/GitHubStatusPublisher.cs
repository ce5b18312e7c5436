using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Sources;

namespace SRegistry.Plugins.GitHubWebhooks;

/// <summary>
/// Posts a commit status (<c>POST /repos/{owner}/{repo}/statuses/{sha}</c>) for every state of every
/// build a GitHub connection triggered: pending while queued and working, then success, failure or
/// error (cancelled). The context is <c>sregistry/&lt;tag&gt;</c>; the target URL is the build's page.
/// </summary>
public sealed partial class GitHubStatusPublisher(
    ISourceConnections connections, GitHubTokens tokens, IHttpClientFactory clients, IOptions<GitHubWebhooksOptions> options, ILogger<GitHubStatusPublisher> logger)
    : IBuildObserver
{
    /// <inheritdoc />
    public async Task OnBuildChangedAsync(BuildChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.SourceConnectionId is not { } connectionId
            || await connections.FindAsync(GitHubWebhooksPlugin.ProviderKey, connectionId, cancellationToken) is not { } connection)
            return;

        var (state, description) = change.State switch
        {
            BuildState.Queued => ("pending", "Build queued"),
            BuildState.Working => ("pending", "Building"),
            BuildState.Success => ("success", "Image built and stored"),
            BuildState.Failure => ("failure", change.Message ?? "The build failed"),
            _ => ("error", change.Message ?? "The build was cancelled"),
        };
        var publicUrl = options.Value.PublicUrl.TrimEnd('/');
        var body = new Dictionary<string, string>
        {
            ["state"] = state,
            ["description"] = description.Length > 140 ? description[..137] + "..." : description,
            ["context"] = $"sregistry/{change.Request.Tag}",
        };
        if (publicUrl.Length > 0)
            body["target_url"] = publicUrl + change.PagePath;

        try
        {
            var token = await tokens.ForRepositoryAsync(connection.Repository, cancellationToken);
            using var request = GitHubApi.Request(HttpMethod.Post, $"repos/{connection.Repository}/statuses/{change.Request.Commit}", token);
            request.Content = JsonContent.Create(body);
            using var response = await clients.CreateClient(GitHubApi.ClientName).SendAsync(request, cancellationToken);
            await GitHubApi.EnsureSuccessAsync(response, "accept a commit status", cancellationToken);
            LogPosted(state, connection.Repository, change.Request.Commit, change.BuildId);
        }
        catch (HttpRequestException e)
        {
            LogFailed(e.Message, connection.Repository, change.BuildId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted commit status {State} to {Repository}@{Commit} for build {BuildId}")]
    private partial void LogPosted(string state, string repository, string commit, Guid buildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not post a commit status to {Repository} for build {BuildId}: {Reason}")]
    private partial void LogFailed(string reason, string repository, Guid buildId);
}
