using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Catalog;

namespace SRegistry.Server.Web.Pages;

public sealed class SearchModel(WebCallers callers, CatalogSearch search) : RegistryPageModel(callers)
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public SearchResults? Results { get; private set; }

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Q))
            return;
        var found = await search.SearchAsync(Q, null, null, await CallerAsync(), HttpContext.RequestAborted);
        if (found.Succeeded)
            Results = found.Value;
        else
            Error = found.Message;
    }
}
