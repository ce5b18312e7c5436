using SRegistry.Core.Domain;

namespace SRegistry.Server.Api.Models;

/// <summary>A collection: containers that share privacy and permissions.</summary>
public sealed record ApiCollection(
    long Id, string Entity, string Name, string Path, string? Description, bool Private, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ApiCollection From(Collection c) =>
        new(c.Id, c.Entity.Name, c.Name, $"{c.Entity.Name}/{c.Name}", c.Description, c.IsPrivate, c.CreatedAt, c.UpdatedAt);
}
