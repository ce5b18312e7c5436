using System.Text.RegularExpressions;

namespace SRegistry.Plugins.GitHubWebhooks;

/// <summary>Which changed files are recipes, and the tag each one builds.</summary>
public static class RecipeFiles
{
    /// <summary>Whether the file name of <paramref name="path"/> matches one of the patterns (<c>*</c> matches any run of characters).</summary>
    public static bool IsRecipe(string path, IReadOnlyList<string> patterns)
    {
        var name = FileName(path);
        return patterns.Any(p => Regex.IsMatch(name, "^" + Regex.Escape(p).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    /// <summary>
    /// The tag a recipe builds: <c>Singularity</c> → <c>latest</c>, <c>Singularity.gpu</c> → <c>gpu</c>,
    /// <c>x.def</c> → <c>x</c>; anything else → its file name. Lowercased, with characters tags do not allow
    /// replaced by <c>-</c>; null when nothing usable remains.
    /// </summary>
    public static string? TagOf(string path)
    {
        var name = FileName(path);
        var tag = name == "Singularity" ? "latest"
            : name.StartsWith("Singularity.", StringComparison.Ordinal) ? name["Singularity.".Length..]
            : name.EndsWith(".def", StringComparison.Ordinal) ? name[..^".def".Length]
            : name;
        tag = Regex.Replace(tag.ToLowerInvariant(), "[^a-z0-9_.-]", "-");
        tag = tag.TrimStart('.', '-');
        return tag.Length == 0 ? null : tag[..Math.Min(tag.Length, 100)];
    }

    /// <summary>The tag a pull request's build of a recipe goes to, never the release tag: <c>pr-&lt;number&gt;-&lt;tag&gt;</c>.</summary>
    public static string PullRequestTag(long number, string tag) => $"pr-{number}-{tag}";

    /// <summary>The prefix of every tag of a pull request's builds.</summary>
    public static string PullRequestPrefix(long number) => $"pr-{number}-";

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
