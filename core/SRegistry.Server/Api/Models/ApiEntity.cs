using SRegistry.Core.Domain;

namespace SRegistry.Server.Api.Models;

/// <summary>An entity: the namespace that holds collections.</summary>
public sealed record ApiEntity(long Id, string Name, string? Description, bool DefaultPrivate, long? QuotaBytes, DateTimeOffset CreatedAt)
{
    public static ApiEntity From(Entity e) => new(e.Id, e.Name, e.Description, e.DefaultPrivate, e.QuotaBytes, e.CreatedAt);
}
