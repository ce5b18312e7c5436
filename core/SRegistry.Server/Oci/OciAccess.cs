namespace SRegistry.Server.Oci;

/// <summary>
/// What a bearer token from <c>/v2/token</c> carries: who (null: anonymous), the scopes of the API token
/// it was obtained with (empty: a password), and the actions granted per repository (canonical name).
/// </summary>
public sealed record OciAccess(long? UserId, IReadOnlyList<string> Scopes, IReadOnlyDictionary<string, IReadOnlyList<string>> Grants)
{
    /// <summary>Whether the token grants <paramref name="action"/> on the repository.</summary>
    public bool Allows(string repository, string action) =>
        Grants.TryGetValue(repository, out var actions) && actions.Contains(action);
}
