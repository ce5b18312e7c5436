using SRegistry.Core.Catalog;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary><c>…/containers/{entity}/{collection}/{container}/tags</c>: set, move and remove tags.</summary>
public static class TagEndpoints
{
    public static RouteGroupBuilder MapApiTags(this RouteGroupBuilder api)
    {
        var tags = api.MapGroup(ContainerEndpoints.Path + "/tags").WithTags("Containers");
        tags.MapGet("", async (HttpContext context, string entity, string collection, string container, ContainerCatalog catalog) =>
            ApiResults.From(await catalog.GetContainerAsync(entity, collection, container, context.Caller(), context.RequestAborted), context.Caller(),
                c => c.Tags.Select(ApiTag.From).ToList()))
            .WithSummary("List a container's tags").Produces<List<ApiTag>>();

        tags.MapPut("/{tag}", async (HttpContext context, string entity, string collection, string container, string tag, SetTagRequest body, ContainerCatalog catalog, TagCatalog tagCatalog) =>
        {
            var caller = context.Caller();
            var found = await catalog.GetContainerAsync(entity, collection, container, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            return ApiResults.From(await tagCatalog.SetTagAsync(found.Value.Id, body.Arch, tag, body.ImageId, caller, context.RequestAborted), caller, ApiTag.From);
        }).WithSummary("Point a tag at an image of the container, creating or moving it (owners and contributors)").Produces<ApiTag>();

        tags.MapDelete("/{tag}", async (HttpContext context, string entity, string collection, string container, string tag, string? arch, ContainerCatalog catalog, TagCatalog tagCatalog) =>
        {
            var caller = context.Caller();
            var found = await catalog.GetContainerAsync(entity, collection, container, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            return ApiResults.NoContent(await tagCatalog.DeleteTagAsync(found.Value.Id, arch, tag, caller, context.RequestAborted), caller);
        }).WithSummary("Remove a tag; its image stays (owners and contributors)").Produces(StatusCodes.Status204NoContent);
        return api;
    }
}
