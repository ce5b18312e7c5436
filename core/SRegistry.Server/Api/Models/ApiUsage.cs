using SRegistry.Core.Usage;

namespace SRegistry.Server.Api.Models;

/// <summary>Bytes stored, over what the caller may see (the whole registry for administrators); content shared by images counted once.</summary>
public sealed record ApiUsage(IReadOnlyList<CollectionUsage> Collections, IReadOnlyList<ApiOwnerUsage> Owners, long TotalBytes, int ImageCount)
{
    public static ApiUsage From(RegistryUsage u) =>
        new(u.Collections, [.. u.Owners.Select(o => new ApiOwnerUsage(o.Kind.ToString().ToLowerInvariant(), o.Name, o.Bytes))], u.TotalBytes, u.ImageCount);
}
