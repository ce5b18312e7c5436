using SRegistry.Core.Catalog;
using SRegistry.Server.Library.Models;

namespace SRegistry.Server.Library;

/// <summary><c>v1/search?value=&amp;arch=&amp;signed=</c>: all four keys, always arrays, privacy-filtered.</summary>
public static class SearchEndpoints
{
    public static RouteGroupBuilder MapLibrarySearch(this RouteGroupBuilder library)
    {
        library.MapGet("/v1/search", async (HttpContext context, CatalogSearch search) =>
        {
            var caller = context.Caller();
            var query = context.Request.Query;
            bool? signed = bool.TryParse(query["signed"], out var s) ? s : null;
            var found = await search.SearchAsync(query["value"].ToString(), context.Request.Arch(), signed, caller, context.RequestAborted);
            return LibraryResults.From(found, caller, r => new
            {
                entity = r.Entities.Select(LibraryViews.Of),
                collection = r.Collections.Select(LibraryViews.Of),
                container = r.Containers.Select(LibraryViews.Of),
                image = r.Images.Select(LibraryViews.Of),
            });
        });
        return library;
    }
}
