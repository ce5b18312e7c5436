using SRegistry.Core.Accounts;
using SRegistry.Core.Oci;

namespace SRegistry.Server.Oci;

/// <summary>
/// The <c>scope</c> values of a token request: <c>repository:&lt;name&gt;:&lt;actions&gt;</c>, repeated or space
/// separated, actions comma separated in any order, <c>*</c> for all. Other resource types grant nothing.
/// </summary>
public static class TokenScopeRequest
{
    private static readonly string[] AllActions = [TokenScopes.Pull, TokenScopes.Push, TokenScopes.Delete];

    /// <summary>Requested actions per repository (canonical name), merged when a repository is named twice.</summary>
    public static IReadOnlyDictionary<RepositoryName, HashSet<string>> Parse(IEnumerable<string?> values)
    {
        var requested = new Dictionary<RepositoryName, HashSet<string>>();
        foreach (var scope in values.SelectMany(v => (v ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            var parts = scope.Split(':');
            if (parts.Length != 3 || parts[0] != "repository" || !RepositoryName.TryParse(parts[1], out var name, out _))
                continue;
            var actions = parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .SelectMany(a => a == "*" ? AllActions : [a])
                .Where(a => AllActions.Contains(a));
            if (!requested.TryGetValue(name, out var set))
                requested[name] = set = new HashSet<string>(StringComparer.Ordinal);
            set.UnionWith(actions);
        }

        return requested;
    }
}
