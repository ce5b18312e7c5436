using SRegistry.Core.Catalog;
using SRegistry.Server.Library.Models;

namespace SRegistry.Server.Library;

/// <summary>
/// <c>v1/tags/{containerId}</c> (tag → image) and <c>v2/tags/{containerId}</c> (arch → tag → image).
/// A container without tags answers 200 with an empty map: the client fails a push on 404 here.
/// </summary>
public static class TagEndpoints
{
    public static RouteGroupBuilder MapLibraryTags(this RouteGroupBuilder library)
    {
        library.MapGet("/v1/tags/{containerId}", (HttpContext context, string containerId, TagCatalog tags) =>
            GetAsync(context, containerId, tags, byArch => byArch
                .SelectMany(arch => arch.Value.Select(tag => (Arch: arch.Key, Tag: tag.Key, ImageId: tag.Value)))
                .OrderBy(t => t.Arch == "amd64" ? 0 : 1)
                .DistinctBy(t => t.Tag)
                .ToDictionary(t => t.Tag, t => LibraryViews.Id(t.ImageId))));

        library.MapGet("/v2/tags/{containerId}", (HttpContext context, string containerId, TagCatalog tags) =>
            GetAsync(context, containerId, tags, byArch => byArch.ToDictionary(
                arch => arch.Key,
                arch => arch.Value.ToDictionary(tag => tag.Key, tag => LibraryViews.Id(tag.Value)))));

        library.MapPost("/v1/tags/{containerId}", SetAsync);
        library.MapPost("/v2/tags/{containerId}", SetAsync);
        return library;
    }

    private static async Task<IResult> GetAsync(
        HttpContext context, string containerId, TagCatalog tags, Func<IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>, object> view)
    {
        var caller = context.Caller();
        if (LibraryRequest.Id(containerId) is not { } id) return NoSuchContainer(containerId);
        return LibraryResults.From(await tags.GetTagsAsync(id, caller, context.RequestAborted), caller, view);
    }

    private static async Task<IResult> SetAsync(HttpContext context, string containerId, TagCatalog tags)
    {
        var caller = context.Caller();
        if (LibraryRequest.Id(containerId) is not { } id) return NoSuchContainer(containerId);
        var (body, error) = await LibraryRequest.ReadJsonAsync<TagBody>(context.Request);
        if (error is not null) return error;
        if (LibraryRequest.Id(body!.ImageID) is not { } imageId)
        {
            return LibraryResults.Error(StatusCodes.Status400BadRequest, $"'ImageID' must be the id of an image (got '{body.ImageID}').");
        }

        var set = await tags.SetTagAsync(id, string.IsNullOrEmpty(body.Arch) ? null : body.Arch, body.Tag ?? "", imageId, caller, context.RequestAborted);
        return LibraryResults.From(set, caller, tag => new { tag.Arch, Tag = tag.Name, ImageID = LibraryViews.Id(tag.ImageId) });
    }

    private static IResult NoSuchContainer(string containerId) =>
        LibraryResults.Error(StatusCodes.Status404NotFound, $"There is no container with id '{containerId}'.");
}
