using Microsoft.AspNetCore.Mvc;
using SRegistry.Core;
using SRegistry.Core.Builds;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Paging;

namespace SRegistry.Server.Web.Pages;

/// <summary>
/// <c>/c/{entity}/{collection}/builds</c>: the collection's builds for those who see it (private: 404),
/// with cancel buttons, connected repositories and the form to connect one for its owners. A new
/// connection's webhook secret is shown on the page that answers the form, once, and never stored in clear.
/// As with the settings page, the literal segment wins over the container page's route, so a container
/// named <c>builds</c> is reached through the API only.
/// </summary>
public sealed class CollectionBuildsModel(WebCallers callers, CollectionCatalog collections, CollectionSettings settings, BuildCatalog builds, RepositoryConnections connections)
    : RegistryPageModel(callers)
{
    public Collection? Collection { get; private set; }

    public IReadOnlyList<Build> Builds { get; private set; } = [];

    public bool MayManage { get; private set; }

    public IReadOnlyList<RepositoryConnection> Connections { get; private set; } = [];

    /// <summary>The providers plugins registered, for the connect form.</summary>
    public IReadOnlyList<Abstractions.Sources.SourceProvider> Providers => connections.Providers;

    /// <summary>Set only on the answer to a successful connect: the secret and webhook URL to copy into the provider.</summary>
    public CreatedConnection? Created { get; private set; }

    public string HookPath(RepositoryConnection c) => connections.HookPath(c) ?? "(provider not enabled)";

    public Task<IActionResult> OnGetAsync(string entity, string collection) => ShowAsync(entity, collection);

    public async Task<IActionResult> OnPostCancelAsync(string entity, string collection, Guid buildId)
    {
        var caller = await CallerAsync();
        var found = await builds.GetAsync(buildId, caller, HttpContext.RequestAborted);
        // Only builds of this page's collection: the id comes from the form.
        if (!found.Succeeded || found.Value.Entity != entity || found.Value.Collection != collection) return NotFound();
        var cancelled = await builds.CancelAsync(buildId, caller, HttpContext.RequestAborted);
        if (!cancelled.Succeeded)
        {
            Error = cancelled.Message;
            return await ShowAsync(entity, collection);
        }

        Notice = $"The build of {cancelled.Value.Container}:{cancelled.Value.Tag} is cancelled.";
        return RedirectToPage(new { entity, collection });
    }

    public async Task<IActionResult> OnPostConnectAsync(string entity, string collection, string? provider, string? repository, string? container, string? branches, string? patterns)
    {
        var caller = await CallerAsync();
        var found = await collections.GetCollectionAsync(entity, collection, caller, HttpContext.RequestAborted);
        if (!found.Succeeded) return Refusal(found.Error, found.Message, caller);
        var created = await connections.CreateAsync(found.Value.Id,
            new ConnectionSettings(provider ?? "", repository?.Trim() ?? "", container?.Trim(), Split(branches), Split(patterns)), caller, HttpContext.RequestAborted);
        if (!created.Succeeded)
        {
            if (created.Error == RegistryError.Forbidden) return Refusal(created.Error, created.Message, caller);
            Error = created.Message;
        }
        else
        {
            Created = created.Value;
        }

        return await ShowAsync(entity, collection);
    }

    public async Task<IActionResult> OnPostDisconnectAsync(string entity, string collection, Guid connectionId)
    {
        var caller = await CallerAsync();
        var found = await collections.GetCollectionAsync(entity, collection, caller, HttpContext.RequestAborted);
        if (!found.Succeeded) return Refusal(found.Error, found.Message, caller);
        var deleted = await connections.DeleteAsync(found.Value.Id, connectionId, caller, HttpContext.RequestAborted);
        if (!deleted.Succeeded) return Refusal(deleted.Error, deleted.Message, caller);
        Notice = $"{deleted.Value.Repository} is disconnected; its webhooks are refused from now on.";
        return RedirectToPage(new { entity, collection });
    }

    private async Task<IActionResult> ShowAsync(string entity, string collection)
    {
        var caller = await CallerAsync();
        var found = await collections.GetCollectionAsync(entity, collection, caller, HttpContext.RequestAborted);
        if (!found.Succeeded) return Refusal(found.Error, found.Message, caller);
        Collection = found.Value;
        Builds = (await builds.ListAsync(entity, collection, caller, new PageRequest(1, 100), HttpContext.RequestAborted)).Value?.Items ?? [];
        MayManage = !caller.IsAnonymous && await settings.MayManageAsync(found.Value.Id, caller, HttpContext.RequestAborted);
        if (MayManage)
            Connections = (await connections.ListAsync(found.Value.Id, caller, HttpContext.RequestAborted)).Value ?? [];
        return Page();
    }

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
