using SRegistry.Core.Catalog;

namespace SRegistry.Server.Api.Models;

/// <summary>What a search found, each list at most 100 items and only what the caller may see.</summary>
public sealed record ApiSearchResults(
    IReadOnlyList<ApiEntity> Entities, IReadOnlyList<ApiCollection> Collections, IReadOnlyList<ApiContainer> Containers, IReadOnlyList<ApiImage> Images)
{
    public static ApiSearchResults From(SearchResults r) => new(
        [.. r.Entities.Select(ApiEntity.From)], [.. r.Collections.Select(ApiCollection.From)],
        [.. r.Containers.Select(ApiContainer.From)], [.. r.Images.Select(ApiImage.From)]);
}
