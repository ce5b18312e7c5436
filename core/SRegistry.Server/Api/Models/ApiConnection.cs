using SRegistry.Core.Domain;

namespace SRegistry.Server.Api.Models;

/// <summary>A source repository connected to a collection; <c>hookPath</c> is where its provider sends webhooks (relative to the server).</summary>
public sealed record ApiConnection(
    Guid Id, string Provider, string Repository, string Container, IReadOnlyList<string> Branches, IReadOnlyList<string> RecipePatterns,
    string? HookPath, DateTimeOffset CreatedAt)
{
    public static ApiConnection From(RepositoryConnection c, string? hookPath) =>
        new(c.Id, c.Provider, c.Repository, c.Container, c.Branches, c.RecipePatterns, hookPath, c.CreatedAt);
}
