using SRegistry.Core.Catalog;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary><c>/api/v1/search</c>: names and descriptions of everything the caller may see.</summary>
public static class SearchEndpoints
{
    public static RouteGroupBuilder MapApiSearch(this RouteGroupBuilder api)
    {
        api.MapGet("/search", async (HttpContext context, string? q, string? arch, bool? signed, CatalogSearch search) =>
            ApiResults.From(await search.SearchAsync(q ?? "", arch, signed, context.Caller(), context.RequestAborted), context.Caller(), ApiSearchResults.From))
            .WithTags("Search").WithSummary("Search entities, collections, containers and images (at least 3 characters)").Produces<ApiSearchResults>();
        return api;
    }
}
