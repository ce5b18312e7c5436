using SRegistry.Abstractions.Sources;

namespace SRegistry.Plugins.GitHubWebhooks;

/// <summary>What a GitHub event asks of the registry: builds to queue, and tested builds to promote to a tag.</summary>
/// <param name="Builds">The builds to queue.</param>
/// <param name="Promotions">Successful builds and the release tag each is promoted to.</param>
internal sealed record GitHubWork(IReadOnlyList<SourceBuildRequest> Builds, IReadOnlyList<(Guid BuildId, string Tag)> Promotions)
{
    /// <summary>Nothing to do.</summary>
    public static GitHubWork None { get; } = new([], []);
}
