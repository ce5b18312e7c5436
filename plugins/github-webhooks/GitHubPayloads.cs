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

    public sealed record Repository(string FullName, string CloneUrl, string? DefaultBranch = null);

    public sealed record Commit(string Id, List<string>? Added = null, List<string>? Modified = null, List<string>? Removed = null);

    public sealed record PushEvent(string Ref, string After, Repository Repository, List<Commit>? Commits = null, bool Deleted = false);

    public sealed record Branch(string Ref, string Sha, Repository? Repo = null);

    public sealed record PullRequestDetails(long Number, Branch Head, Branch Base, bool Merged = false);

    public sealed record PullRequestEvent(string Action, long Number, PullRequestDetails PullRequest, Repository Repository);

    public sealed record PullRequestFile(string Filename, string Status);

    public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

    public sealed record Installation(long Id);
}
