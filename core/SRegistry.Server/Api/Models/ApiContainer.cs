using SRegistry.Core.Domain;

namespace SRegistry.Server.Api.Models;

/// <summary>A container: images by digest and architecture, and the tags that name them.</summary>
public sealed record ApiContainer(
    long Id, string Entity, string Collection, string Name, string Path, string? Description, string? FullDescription,
    bool Frozen, IReadOnlyList<ApiTag> Tags, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ApiContainer From(Container c) => new(
        c.Id, c.Collection.Entity.Name, c.Collection.Name, c.Name, $"{c.Collection.Entity.Name}/{c.Collection.Name}/{c.Name}",
        c.Description, c.FullDescription, c.IsFrozen, [.. c.Tags.Select(ApiTag.From)], c.CreatedAt, c.UpdatedAt);
}
