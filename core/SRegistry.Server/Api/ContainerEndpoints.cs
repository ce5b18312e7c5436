using SRegistry.Core;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary><c>/api/v1/containers/{entity}/{collection}/{container}</c>: read, change, freeze and delete containers, and list their images.</summary>
public static class ContainerEndpoints
{
    public const string Path = "/containers/{entity}/{collection}/{container}";

    public static RouteGroupBuilder MapApiContainers(this RouteGroupBuilder api)
    {
        var one = api.MapGroup(Path).WithTags("Containers");
        one.MapGet("", async (HttpContext context, string entity, string collection, string container, ContainerCatalog catalog) =>
            ApiResults.From(await catalog.GetContainerAsync(entity, collection, container, context.Caller(), context.RequestAborted), context.Caller(), ApiContainer.From))
            .WithSummary("Get a container with its tags").Produces<ApiContainer>();

        one.MapPatch("", async (HttpContext context, string entity, string collection, string container, UpdateContainerRequest body, ContainerCatalog catalog, ContainerSettings settings) =>
        {
            var caller = context.Caller();
            var found = await catalog.GetContainerAsync(entity, collection, container, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            RegistryResult<Container> changed = found;
            if (body.Description is not null || body.FullDescription is not null)
                changed = await settings.UpdateAsync(found.Value.Id, body.Description, body.FullDescription, caller, context.RequestAborted);
            if (changed.Succeeded && body.Frozen is { } frozen)
                changed = await catalog.SetFrozenAsync(found.Value.Id, frozen, caller, context.RequestAborted);
            if (!changed.Succeeded) return ApiResults.Failure(changed.Error, changed.Message, caller);
            return ApiResults.From(await catalog.GetContainerAsync(entity, collection, container, caller, context.RequestAborted), caller, ApiContainer.From);
        }).WithSummary("Change a container's descriptions, or freeze or unfreeze it (owners)").Produces<ApiContainer>();

        one.MapDelete("", async (HttpContext context, string entity, string collection, string container, ContainerCatalog catalog, ContainerSettings settings) =>
        {
            var caller = context.Caller();
            var found = await catalog.GetContainerAsync(entity, collection, container, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            return ApiResults.NoContent(await settings.DeleteAsync(found.Value.Id, caller, context.RequestAborted), caller);
        }).WithSummary("Delete a container with its images (owners; refused while frozen)").Produces(StatusCodes.Status204NoContent);

        one.MapGet("/images", async (HttpContext context, string entity, string collection, string container, ContainerCatalog catalog, CatalogListing listing, [AsParameters] ApiPaging paging) =>
        {
            var caller = context.Caller();
            if (!paging.TryGetRequest(out var page, out var error)) return ApiResults.Invalid(error);
            var found = await catalog.GetContainerAsync(entity, collection, container, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            var images = await listing.ImagesAsync(found.Value.Id, caller, page, context.RequestAborted);
            return images.Succeeded ? ApiResults.Page(context, images.Value, ApiImage.From) : ApiResults.Failure(images.Error, images.Message, caller);
        }).WithSummary("List a container's images, newest first").Produces<ApiPage<ApiImage>>();
        return api;
    }
}
