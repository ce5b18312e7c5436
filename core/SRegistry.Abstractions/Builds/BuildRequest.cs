namespace SRegistry.Abstractions.Builds;

/// <summary>What to build and where the result goes.</summary>
/// <param name="Entity">The entity that owns the destination collection.</param>
/// <param name="Collection">The destination collection.</param>
/// <param name="Container">The destination container.</param>
/// <param name="Tag">The tag the resulting image receives.</param>
/// <param name="SourceRepository">The clone URL of the recipe repository.</param>
/// <param name="Commit">The commit to build (full sha).</param>
/// <param name="RecipePath">The recipe's path inside the repository.</param>
/// <param name="RequestedBy">Who or what asked (a user name or a trigger such as <c>github:push</c>).</param>
public sealed record BuildRequest(
    string Entity,
    string Collection,
    string Container,
    string Tag,
    Uri SourceRepository,
    string Commit,
    string RecipePath,
    string RequestedBy);
