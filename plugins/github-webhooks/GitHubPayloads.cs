using System.Text.Json;

namespace SRegistry.Plugins.GitHubWebhooks;

/// <summary>The parts of GitHub's webhook and REST payloads the plugin reads (snake_case on the wire).</summary>
internal static class GitHubPayloads
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A payload missing what the handlers read is refused as bad JSON (400), not met by a null deep inside.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public sealed record Repository(string FullName, string CloneUrl, string? DefaultBranch);

    public sealed record Commit(string Id, List<string>? Added, List<string>? Modified, List<string>? Removed);

    public sealed record PushEvent(string Ref, string After, bool Deleted, Repository Repository, List<Commit>? Commits);

    public sealed record Branch(string Ref, string Sha, Repository? Repo);

    public sealed record PullRequestDetails(long Number, bool Merged, Branch Head, Branch Base);

    public sealed record PullRequestEvent(string Action, long Number, PullRequestDetails PullRequest, Repository Repository);

    public sealed record PullRequestFile(string Filename, string Status);

    public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

    public sealed record Installation(long Id);
}
