using SRegistry.Core.Domain;

namespace SRegistry.Server.Api.Models;

/// <summary>An API token as listed: never its secret, only the first characters to recognise it.</summary>
public sealed record ApiTokenInfo(
    long Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static ApiTokenInfo From(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.Scopes, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}
