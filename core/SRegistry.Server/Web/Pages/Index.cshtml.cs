using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Paging;

namespace SRegistry.Server.Web.Pages;

public sealed class IndexModel(WebCallers callers, CatalogListing listing) : RegistryPageModel(callers)
{
    public Page<Collection> Collections { get; private set; } = new([], PageRequest.First, 0);

    public async Task OnGetAsync(int? page)
    {
        var request = new PageRequest(Math.Max(page ?? 1, 1), PageRequest.DefaultSize);
        Collections = (await listing.CollectionsAsync(null, await CallerAsync(), request, HttpContext.RequestAborted)).Value!;
    }
}
