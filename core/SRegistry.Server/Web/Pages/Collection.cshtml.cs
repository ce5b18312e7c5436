using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Stars;

namespace SRegistry.Server.Web.Pages;

public sealed class CollectionModel(WebCallers callers, CollectionCatalog collections, CollectionSettings settings, ContainerCatalog containers, StarService stars) : RegistryPageModel(callers)
{
    public Collection? Collection { get; private set; }

    public List<ContainerRow> Containers { get; } = [];

    /// <summary>Whether the caller may manage the collection, so the page links to its settings.</summary>
    public bool MayManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string entity, string collection)
    {
        var caller = await CallerAsync();
        var found = await collections.GetCollectionAsync(entity, collection, caller, HttpContext.RequestAborted);
        if (!found.Succeeded) return Refusal(found.Error, found.Message, caller);
        Collection = found.Value;
        MayManage = !caller.IsAnonymous && await settings.MayManageAsync(found.Value.Id, caller, HttpContext.RequestAborted);
        foreach (var summary in found.Value.Containers)
        {
            var container = (await containers.GetContainerAsync(entity, collection, summary.Name, caller, HttpContext.RequestAborted)).Value;
            if (container is null) continue;
            var uploaded = container.Images.Where(i => i.Uploaded).ToList();
            Containers.Add(new ContainerRow(
                container,
                [.. uploaded.Select(i => i.Arch).Distinct().Order(StringComparer.Ordinal)],
                uploaded.DistinctBy(i => i.Digest).Sum(i => i.Size),
                uploaded.Max(i => i.UploadedAt),
                await stars.CountAsync(container.Id, HttpContext.RequestAborted)));
        }

        return Page();
    }

    /// <summary>A container as the collection page lists it.</summary>
    public sealed record ContainerRow(Container Container, IReadOnlyList<string> Arches, long Bytes, DateTimeOffset? LastPush, int Stars);
}
