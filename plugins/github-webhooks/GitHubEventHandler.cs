using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Sources;

namespace SRegistry.Plugins.GitHubWebhooks;

/// <summary>
/// Turns verified GitHub events into builds, in two steps (plan, which only reads, then execute) so that
/// a delivery is recorded only once the reading succeeded. Pushes to the connection's branches build the
/// recipes they add or modify; pull requests build theirs under <c>pr-&lt;number&gt;-&lt;tag&gt;</c>; a merged pull
/// request promotes the images tested at its head commit to their release tags without building again.
/// </summary>
internal sealed partial class GitHubEventHandler(ISourceConnections connections, GitHubTokens tokens, IHttpClientFactory clients, ILogger<GitHubEventHandler> logger)
{
    private const int MaxFilePages = 30;

    /// <summary>What a push asks for: builds of the recipes it added or modified. Reads only.</summary>
    public async Task<GitHubWork> PlanPushAsync(SourceConnection connection, GitHubPayloads.PushEvent push, CancellationToken cancellationToken)
    {
        var branch = push.Ref.StartsWith("refs/heads/", StringComparison.Ordinal) ? push.Ref["refs/heads/".Length..] : null;
        if (branch is null || push.Deleted || !BuildsBranch(connection, branch, push.Repository.DefaultBranch))
            return GitHubWork.None;

        // In commit order: a recipe removed by a later commit of the same push is gone.
        var changed = new List<string>();
        foreach (var commit in push.Commits ?? [])
        {
            changed.AddRange((commit.Added ?? []).Concat(commit.Modified ?? []).Where(p => !changed.Contains(p)));
            changed.RemoveAll(p => (commit.Removed ?? []).Contains(p));
        }

        // Recipes tested at a commit of this push (the head of a merged pull request) are published by
        // promoting that image when the pull request closes, not built again.
        var tested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var commit in push.Commits ?? [])
            foreach (var build in await connections.FindBuildsAsync(connection.Id, commit.Id, cancellationToken))
                if (build.State == BuildState.Success)
                    tested.Add(build.RecipePath);

        var builds = new List<SourceBuildRequest>();
        foreach (var path in changed.Where(p => RecipeFiles.IsRecipe(p, connection.RecipePatterns) && !tested.Contains(p)))
        {
            if (RecipeFiles.TagOf(path) is { } tag)
                builds.Add(new SourceBuildRequest(tag, new Uri(push.Repository.CloneUrl), push.After, path, "github:push"));
        }

        return new GitHubWork(builds, []);
    }

    /// <summary>
    /// What a pull request asks for: builds of its recipes under its own tags, or, merged, promotions of
    /// the images tested at its head. Reads only (it asks GitHub for the changed files).
    /// </summary>
    public async Task<GitHubWork> PlanPullRequestAsync(SourceConnection connection, GitHubPayloads.PullRequestEvent pull, CancellationToken cancellationToken)
    {
        var details = pull.PullRequest;
        if (!BuildsBranch(connection, details.Base.Ref, pull.Repository.DefaultBranch))
            return GitHubWork.None;
        if (pull.Action == "closed")
            return details.Merged ? await PlanPromotionsAsync(connection, details, cancellationToken) : GitHubWork.None;
        if (pull.Action is not ("opened" or "synchronize" or "reopened"))
            return GitHubWork.None;

        // A fork's recipes are anyone's code, run with the build backend's credentials: only pull requests
        // from branches of the connected repository itself are built (GitHub Actions withholds secrets from forks likewise).
        if (!string.Equals(details.Head.Repo?.FullName, pull.Repository.FullName, StringComparison.OrdinalIgnoreCase))
        {
            LogForkIgnored(details.Number, details.Head.Repo?.FullName ?? "(deleted)");
            return GitHubWork.None;
        }

        var cloneUrl = new Uri(pull.Repository.CloneUrl);
        var builds = new List<SourceBuildRequest>();
        foreach (var path in await ChangedFilesAsync(connection.Repository, details.Number, cancellationToken))
        {
            if (RecipeFiles.IsRecipe(path, connection.RecipePatterns) && RecipeFiles.TagOf(path) is { } tag)
                builds.Add(new SourceBuildRequest(RecipeFiles.PullRequestTag(details.Number, tag), cloneUrl, details.Head.Sha, path, $"github:pull_request#{details.Number}"));
        }

        return new GitHubWork(builds, []);
    }

    /// <summary>Queues the builds and makes the promotions; returns the builds concerned.</summary>
    public async Task<IReadOnlyList<Guid>> ExecuteAsync(SourceConnection connection, GitHubWork work, CancellationToken cancellationToken)
    {
        var builds = new List<Guid>();
        foreach (var request in work.Builds)
            builds.Add(await connections.EnqueueBuildAsync(connection.Id, request, cancellationToken));
        foreach (var (buildId, tag) in work.Promotions)
        {
            if (await connections.PromoteAsync(connection.Id, buildId, tag, cancellationToken))
                builds.Add(buildId);
            else
                LogPromotionRefused(buildId, tag);
        }

        return builds;
    }

    private async Task<GitHubWork> PlanPromotionsAsync(SourceConnection connection, GitHubPayloads.PullRequestDetails details, CancellationToken cancellationToken)
    {
        var prefix = RecipeFiles.PullRequestPrefix(details.Number);
        // Newest first, so each recipe publishes the image of its latest successful build at the head commit.
        var promotions = (await connections.FindBuildsAsync(connection.Id, details.Head.Sha, cancellationToken))
            .Where(b => b.State == BuildState.Success && b.Tag.StartsWith(prefix, StringComparison.Ordinal))
            .DistinctBy(b => b.RecipePath)
            .Select(b => (b.Id, b.Tag[prefix.Length..]))
            .ToList();
        return new GitHubWork([], promotions);
    }

    // The files a pull request changes (GET /repos/{owner}/{repo}/pulls/{number}/files, paged), without removed ones.
    private async Task<List<string>> ChangedFilesAsync(string repository, long number, CancellationToken cancellationToken)
    {
        var token = await tokens.ForRepositoryAsync(repository, cancellationToken);
        var client = clients.CreateClient(GitHubApi.ClientName);
        var files = new List<string>();
        for (var page = 1; page <= MaxFilePages; page++)
        {
            using var request = GitHubApi.Request(HttpMethod.Get, $"repos/{repository}/pulls/{number}/files?per_page=100&page={page}", token);
            using var response = await client.SendAsync(request, cancellationToken);
            await GitHubApi.EnsureSuccessAsync(response, $"list the files of pull request #{number}", cancellationToken);
            var batch = await response.Content.ReadFromJsonAsync<List<GitHubPayloads.PullRequestFile>>(GitHubPayloads.Json, cancellationToken) ?? [];
            files.AddRange(batch.Where(f => f.Status != "removed").Select(f => f.Filename));
            if (batch.Count < 100)
                break;
        }

        return files;
    }

    private static bool BuildsBranch(SourceConnection connection, string branch, string? defaultBranch) =>
        connection.Branches.Count == 0 ? branch == defaultBranch : connection.Branches.Contains(branch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Build {BuildId} could not be promoted to tag {Tag}")]
    private partial void LogPromotionRefused(Guid buildId, string tag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pull request #{Number} comes from the fork {Fork}; forks are not built")]
    private partial void LogForkIgnored(long number, string fork);
}
