using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Accounts;
using SRegistry.Core.Catalog;
using SRegistry.Core.Robots;

namespace SRegistry.Server.Web.Pages;

/// <summary><c>/c/{entity}/{collection}/robots</c>, for the collection's owners: make, list and revoke its robots.</summary>
public sealed class CollectionRobotsModel(WebCallers callers, CollectionCatalog collections, RobotAccounts robots, TimeProvider time) : RegistryPageModel(callers)
{
    public string Entity { get; private set; } = "";

    public string CollectionName { get; private set; } = "";

    public RobotsView View { get; private set; } = new([], null);

    public Task<IActionResult> OnGetAsync(string entity, string collection) => ShowAsync(entity, collection, null);

    public async Task<IActionResult> OnPostCreateAsync(string entity, string collection, string? name, int? expiresInDays, string[]? scopes)
    {
        var caller = await CallerAsync();
        var found = await collections.GetCollectionAsync(entity, collection, caller, HttpContext.RequestAborted);
        if (!found.Succeeded) return Refusal(found.Error, found.Message, caller);
        if (ExpiryDays.Read(expiresInDays, time, out var expiresAt) is { } outOfRange)
        {
            Error = outOfRange;
            return await ShowAsync(entity, collection, null);
        }

        var created = await robots.CreateForCollectionAsync(found.Value.Id, name?.Trim() ?? "", scopes ?? [], expiresAt, caller, HttpContext.RequestAborted);
        if (!created.Succeeded) Error = created.Message;
        return await ShowAsync(entity, collection, created.Value);
    }

    public async Task<IActionResult> OnPostRevokeAsync(string entity, string collection, string? robotName)
    {
        var revoked = await robots.RevokeAsync(robotName ?? "", await CallerAsync(), HttpContext.RequestAborted);
        if (!revoked.Succeeded)
        {
            Error = revoked.Message;
            return await ShowAsync(entity, collection, null);
        }

        Notice = $"The robot '{robotName}' is revoked.";
        return RedirectToPage(new { entity, collection });
    }

    private async Task<IActionResult> ShowAsync(string entity, string collection, CreatedRobot? created)
    {
        var caller = await CallerAsync();
        var found = await collections.GetCollectionAsync(entity, collection, caller, HttpContext.RequestAborted);
        if (!found.Succeeded) return Refusal(found.Error, found.Message, caller);
        var list = await robots.ListForCollectionAsync(found.Value.Id, caller, HttpContext.RequestAborted);
        if (!list.Succeeded) return Refusal(list.Error, list.Message, caller);
        (Entity, CollectionName, View) = (entity, collection, new RobotsView(list.Value, created));
        return Page();
    }
}
