namespace SRegistry.Core.Builds;

/// <summary>What an owner asks for when connecting a repository.</summary>
/// <param name="Provider">The provider key, for example <c>github</c>.</param>
/// <param name="Repository">The repository's full name, <c>owner/name</c>.</param>
/// <param name="Container">The container builds go to; null for the repository's name.</param>
/// <param name="Branches">Branches whose pushes build; null or empty for the repository's default branch.</param>
/// <param name="RecipePatterns">Recipe file name patterns; null or empty for the defaults.</param>
public sealed record ConnectionSettings(string Provider, string Repository, string? Container, IReadOnlyList<string>? Branches, IReadOnlyList<string>? RecipePatterns)
{
    /// <summary>Recipe files when the owner names none: Singularity, Singularity.&lt;tag&gt; and *.def.</summary>
    public static IReadOnlyList<string> DefaultRecipePatterns { get; } = ["Singularity", "Singularity.*", "*.def"];
}
