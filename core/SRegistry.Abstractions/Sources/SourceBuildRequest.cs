namespace SRegistry.Abstractions.Sources;

/// <summary>A build a connection asks for; the destination comes from the connection.</summary>
/// <param name="Tag">The tag the image receives.</param>
/// <param name="CloneUrl">The repository's clone URL, without credentials.</param>
/// <param name="Commit">The full commit sha.</param>
/// <param name="RecipePath">The recipe's path in the repository.</param>
/// <param name="Trigger">What triggered it, for example <c>github:push</c> or <c>github:pull_request#7</c>.</param>
public sealed record SourceBuildRequest(string Tag, Uri CloneUrl, string Commit, string RecipePath, string Trigger);
