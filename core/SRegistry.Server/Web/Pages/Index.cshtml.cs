using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Paging;

namespace SRegistry.Server.Web.Pages;

public sealed class IndexModel(WebCallers callers, CatalogListing listing) : RegistryPageModel(callers)
{
    public Page<Collection> Collections { get; private set; } = new([], PageRequest.First, 0);

    /// <summary>Only this entity's collections, when set.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    public async Task<IActionResult> OnGetAsync(int? page)
    {
        var caller = await CallerAsync();
        var request = new PageRequest(Math.Max(page ?? 1, 1), PageRequest.DefaultSize);
        var found = await listing.CollectionsAsync(Entity, caller, request, HttpContext.RequestAborted);
        if (!found.Succeeded) return Refusal(found.Error, found.Message, caller);
        Collections = found.Value;
        return Page();
    }
}
