using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Stars;

namespace SRegistry.Server.Web.Pages;

public sealed class ContainerModel(WebCallers callers, ContainerCatalog containers, StarService stars) : RegistryPageModel(callers)
{
    public Container? Container { get; private set; }

    public bool Anonymous { get; private set; }

    public bool Starred { get; private set; }

    public int Stars { get; private set; }

    public async Task<IActionResult> OnGetAsync(string entity, string collection, string container)
    {
        var caller = await CallerAsync();
        var found = await containers.GetContainerAsync(entity, collection, container, caller, HttpContext.RequestAborted);
        if (!found.Succeeded) return Refusal(found.Error, found.Message, caller);
        Container = found.Value;
        Anonymous = caller.IsAnonymous;
        Starred = !caller.IsAnonymous && await stars.IsStarredAsync(Container.Id, caller, HttpContext.RequestAborted);
        Stars = await stars.CountAsync(Container.Id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostStarAsync(string entity, string collection, string container, bool star)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        var found = await containers.GetContainerAsync(entity, collection, container, caller, HttpContext.RequestAborted);
        if (!found.Succeeded) return Refusal(found.Error, found.Message, caller);
        var changed = star
            ? await stars.StarAsync(found.Value.Id, caller, HttpContext.RequestAborted)
            : await stars.UnstarAsync(found.Value.Id, caller, HttpContext.RequestAborted);
        if (!changed.Succeeded) return Refusal(changed.Error, changed.Message, caller);
        return RedirectToPage();
    }
}
