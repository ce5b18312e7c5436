namespace SRegistry.Core.Accounts;

/// <summary>
/// What an API token may be used for. A token with no scopes may do everything its user may;
/// otherwise it may do only what its scopes allow (see <see cref="Allows"/>).
/// </summary>
public static class TokenScopes
{
    /// <summary>Read images, including private ones the user may see.</summary>
    public const string Pull = "pull";

    /// <summary>Create collections and containers, upload images and move tags.</summary>
    public const string Push = "push";

    /// <summary>Delete images, tags and containers the user owns.</summary>
    public const string Delete = "delete";

    /// <summary>Start builds.</summary>
    public const string Build = "build";

    /// <summary>Everything, including administration when the user is an administrator.</summary>
    public const string Admin = "admin";

    /// <summary>Every known scope.</summary>
    public static IReadOnlyList<string> All { get; } = [Pull, Push, Delete, Build, Admin];

    /// <summary>
    /// Checks requested scopes. On success <paramref name="normalized"/> holds them lowercased,
    /// without duplicates, in a fixed order; otherwise <paramref name="error"/> names the unknown ones.
    /// </summary>
    public static bool TryNormalize(IEnumerable<string>? requested, out string[] normalized, out string error)
    {
        var wanted = (requested ?? []).Select(s => s.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var unknown = wanted.Where(s => !All.Contains(s)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            normalized = [];
            error = $"Unknown token scope(s): {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the scopes are {string.Join(", ", All)}.";
            return false;
        }

        normalized = All.Where(wanted.Contains).ToArray();
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// Whether a token with <paramref name="tokenScopes"/> may act in <paramref name="required"/>.
    /// No scopes and <see cref="Admin"/> allow everything; <see cref="Push"/> also allows <see cref="Pull"/>,
    /// because pushing needs the find-or-create reads that precede it.
    /// </summary>
    public static bool Allows(IReadOnlyCollection<string> tokenScopes, string required) =>
        tokenScopes.Count == 0
        || tokenScopes.Contains(Admin)
        || tokenScopes.Contains(required)
        || (required == Pull && tokenScopes.Contains(Push));
}
