using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Paging;

namespace SRegistry.Server.Web.Pages;

public sealed class IndexModel(WebCallers callers, CatalogListing listing, EntityCatalog entities, CollectionCatalog collections) : RegistryPageModel(callers)
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

    /// <summary>
    /// Creates a collection in an entity the caller may create collections in (their own, a team's they
    /// belong to, or the default one), then opens it.
    /// </summary>
    public async Task<IActionResult> OnPostCreateAsync(string? entity, string? name, string? description, bool isPrivate)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        var owner = await entities.GetEntityAsync(entity ?? "", caller, HttpContext.RequestAborted);
        var created = owner.Succeeded
            ? await collections.CreateCollectionAsync(owner.Value.Id, name ?? "", description, isPrivate, caller, HttpContext.RequestAborted)
            : null;
        if (created is { Succeeded: true })
            return Redirect($"/c/{owner.Value!.Name}/{created.Value.Name}");
        Error = created?.Message ?? owner.Message;
        return await OnGetAsync(1);
    }
}
