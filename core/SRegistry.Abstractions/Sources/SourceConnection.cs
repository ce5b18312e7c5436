namespace SRegistry.Abstractions.Sources;

/// <summary>A source repository connected to a collection, as a provider plugin sees it.</summary>
/// <param name="Id">The connection id (part of its webhook URL).</param>
/// <param name="Provider">The provider key.</param>
/// <param name="Repository">The repository's full name, for example <c>octo/recipes</c>.</param>
/// <param name="Entity">The destination collection's entity.</param>
/// <param name="Collection">The destination collection.</param>
/// <param name="Container">The container builds go to.</param>
/// <param name="Branches">Branches whose pushes build; empty means the repository's default branch.</param>
/// <param name="RecipePatterns">File name patterns of recipes (<c>*</c> wildcards), matched against the file name.</param>
/// <param name="Secret">The webhook secret, decrypted. Never log it.</param>
public sealed record SourceConnection(
    Guid Id,
    string Provider,
    string Repository,
    string Entity,
    string Collection,
    string Container,
    IReadOnlyList<string> Branches,
    IReadOnlyList<string> RecipePatterns,
    string Secret);
