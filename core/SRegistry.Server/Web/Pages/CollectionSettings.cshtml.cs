using Microsoft.AspNetCore.Mvc;
using SRegistry.Core;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;

namespace SRegistry.Server.Web.Pages;

/// <summary>
/// <c>/c/{entity}/{collection}/settings</c>, for the collection's owners: description, privacy,
/// members (any user or team), freezing containers, and deleting the collection. Those who cannot see
/// the collection get 404; those who can see but not manage it get 403. The literal segment wins over
/// the container page's route, so a container named <c>settings</c> is reached through the API only.
/// </summary>
public sealed class CollectionSettingsModel(WebCallers callers, CollectionCatalog collections, CollectionSettings settings, ContainerCatalog containers)
    : RegistryPageModel(callers)
{
    public Collection? Collection { get; private set; }

    public IReadOnlyList<CollectionMember> Members { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(string entity, string collection) => ShowAsync(entity, collection);

    public async Task<IActionResult> OnPostUpdateAsync(string entity, string collection, string? description, bool isPrivate)
    {
        var (found, refusal) = await ManagedAsync(entity, collection);
        if (refusal is not null) return refusal;
        var updated = await settings.UpdateAsync(found!.Id, description ?? "", isPrivate, await CallerAsync(), HttpContext.RequestAborted);
        return await AfterAsync(entity, collection, updated, isPrivate ? "The collection is private: only its members and owners see it." : "The collection is public.");
    }

    public async Task<IActionResult> OnPostSetMemberAsync(string entity, string collection, string? kind, string? name, string? role)
    {
        var (found, refusal) = await ManagedAsync(entity, collection);
        if (refusal is not null) return refusal;
        if (!Enum.TryParse<MemberKind>(kind, out var memberKind) || !Enum.IsDefined(memberKind)
            || !Enum.TryParse<CollectionRole>(role, out var memberRole) || !Enum.IsDefined(memberRole))
        {
            Error = "Choose a user or a team, and the role Owner or Contributor.";
            return await ShowAsync(entity, collection);
        }

        var set = await settings.SetMemberAsync(found!.Id, memberKind, name?.Trim() ?? "", memberRole, await CallerAsync(), HttpContext.RequestAborted);
        return await AfterAsync(entity, collection, set, $"The {kind?.ToLowerInvariant()} '{name}' is now {(memberRole == CollectionRole.Owner ? "an owner" : "a contributor")}.");
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(string entity, string collection, string? kind, string? name)
    {
        var (found, refusal) = await ManagedAsync(entity, collection);
        if (refusal is not null) return refusal;
        if (!Enum.TryParse<MemberKind>(kind, out var memberKind) || !Enum.IsDefined(memberKind))
        {
            Error = "Choose a user or a team.";
            return await ShowAsync(entity, collection);
        }

        var removed = await settings.RemoveMemberAsync(found!.Id, memberKind, name ?? "", await CallerAsync(), HttpContext.RequestAborted);
        return await AfterAsync(entity, collection, removed, $"The {kind?.ToLowerInvariant()} '{name}' is no longer a member.");
    }

    public async Task<IActionResult> OnPostFreezeAsync(string entity, string collection, long containerId, bool frozen)
    {
        var (found, refusal) = await ManagedAsync(entity, collection);
        if (refusal is not null) return refusal;
        // Only this collection's containers: the id comes from the form.
        var target = found!.Containers.FirstOrDefault(c => c.Id == containerId);
        if (target is null) return NotFound();
        var changed = await containers.SetFrozenAsync(containerId, frozen, await CallerAsync(), HttpContext.RequestAborted);
        return await AfterAsync(entity, collection, changed, frozen
            ? $"'{target.Name}' is frozen: its images and tags cannot change until it is unfrozen."
            : $"'{target.Name}' is no longer frozen.");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string entity, string collection, string? confirmName)
    {
        var (found, refusal) = await ManagedAsync(entity, collection);
        if (refusal is not null) return refusal;
        // Checked here, not only in the browser: the typed name is the confirmation.
        if (confirmName?.Trim() != found!.Name)
        {
            Error = $"Type the collection's name '{found.Name}' to confirm deleting it; nothing was deleted.";
            return await ShowAsync(entity, collection);
        }

        var deleted = await settings.DeleteAsync(found.Id, await CallerAsync(), HttpContext.RequestAborted);
        if (!deleted.Succeeded) return await AfterAsync(entity, collection, deleted, "");
        Notice = $"The collection '{entity}/{collection}' and everything in it is deleted.";
        return Redirect("/");
    }

    // The collection, when the caller may manage it; otherwise the refusal to answer with.
    private async Task<(Collection? Collection, IActionResult? Refusal)> ManagedAsync(string entity, string collection)
    {
        var caller = await CallerAsync();
        var found = await collections.GetCollectionAsync(entity, collection, caller, HttpContext.RequestAborted);
        if (!found.Succeeded) return (null, Refusal(found.Error, found.Message, caller));
        if (!await settings.MayManageAsync(found.Value.Id, caller, HttpContext.RequestAborted))
            return (null, Refusal(RegistryError.Forbidden,
                $"Only the owners of '{entity}/{collection}', its entity's owners and administrators may change its settings.", caller));
        return (found.Value, null);
    }

    private async Task<IActionResult> AfterAsync<T>(string entity, string collection, RegistryResult<T> result, string notice)
        where T : class
    {
        if (!result.Succeeded)
        {
            Error = result.Message;
            return await ShowAsync(entity, collection);
        }

        Notice = notice;
        return RedirectToPage(new { entity, collection });
    }

    private async Task<IActionResult> ShowAsync(string entity, string collection)
    {
        var (found, refusal) = await ManagedAsync(entity, collection);
        if (refusal is not null) return refusal;
        Collection = found;
        Members = (await settings.ListMembersAsync(found!.Id, await CallerAsync(), HttpContext.RequestAborted)).Value ?? [];
        return Page();
    }
}
