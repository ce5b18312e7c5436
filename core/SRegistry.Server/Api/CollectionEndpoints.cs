using SRegistry.Core.Catalog;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary><c>/api/v1/collections</c>: list, create, read, change and delete collections, and create containers in them.</summary>
public static class CollectionEndpoints
{
    public const string Path = "/collections/{entity}/{collection}";

    public static RouteGroupBuilder MapApiCollections(this RouteGroupBuilder api)
    {
        var collections = api.MapGroup("/collections").WithTags("Collections");
        collections.MapGet("", async (HttpContext context, string? entity, CatalogListing listing, [AsParameters] ApiPaging paging) =>
        {
            if (!paging.TryGetRequest(out var page, out var error)) return ApiResults.Invalid(error);
            var found = await listing.CollectionsAsync(entity, context.Caller(), page, context.RequestAborted);
            return found.Succeeded ? ApiResults.Page(context, found.Value, ApiCollection.From) : ApiResults.Failure(found.Error, found.Message, context.Caller());
        }).WithSummary("List the collections you may see, of all entities or of one").Produces<ApiPage<ApiCollection>>();

        collections.MapPost("", async (HttpContext context, CreateCollectionRequest body, EntityCatalog entities, CollectionCatalog catalog) =>
        {
            var caller = context.Caller();
            var entity = await entities.GetEntityAsync(body.Entity, caller, context.RequestAborted);
            if (!entity.Succeeded) return ApiResults.Failure(entity.Error, entity.Message, caller);
            var created = await catalog.CreateCollectionAsync(entity.Value.Id, body.Name, body.Description, body.Private, caller, context.RequestAborted);
            return ApiResults.From(created, caller, ApiCollection.From, StatusCodes.Status201Created);
        }).WithSummary("Create a collection").Produces<ApiCollection>(StatusCodes.Status201Created);

        var one = api.MapGroup(Path).WithTags("Collections");
        one.MapGet("", async (HttpContext context, string entity, string collection, CollectionCatalog catalog) =>
            ApiResults.From(await catalog.GetCollectionAsync(entity, collection, context.Caller(), context.RequestAborted), context.Caller(), ApiCollection.From))
            .WithSummary("Get a collection").Produces<ApiCollection>();

        one.MapPatch("", async (HttpContext context, string entity, string collection, UpdateCollectionRequest body, CollectionCatalog catalog, CollectionSettings settings) =>
        {
            var caller = context.Caller();
            var found = await catalog.GetCollectionAsync(entity, collection, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            return ApiResults.From(await settings.UpdateAsync(found.Value.Id, body.Description, body.Private, caller, context.RequestAborted), caller, ApiCollection.From);
        }).WithSummary("Change a collection's description or privacy (owners)").Produces<ApiCollection>();

        one.MapDelete("", async (HttpContext context, string entity, string collection, CollectionCatalog catalog, CollectionSettings settings) =>
        {
            var caller = context.Caller();
            var found = await catalog.GetCollectionAsync(entity, collection, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            return ApiResults.NoContent(await settings.DeleteAsync(found.Value.Id, caller, context.RequestAborted), caller);
        }).WithSummary("Delete a collection with all its containers and images (owners; refused while a container is frozen)").Produces(StatusCodes.Status204NoContent);

        one.MapGet("/containers", async (HttpContext context, string entity, string collection, CollectionCatalog catalog, CatalogListing listing, [AsParameters] ApiPaging paging) =>
        {
            var caller = context.Caller();
            if (!paging.TryGetRequest(out var page, out var error)) return ApiResults.Invalid(error);
            var found = await catalog.GetCollectionAsync(entity, collection, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            var containers = await listing.ContainersAsync(found.Value.Id, caller, page, context.RequestAborted);
            return containers.Succeeded ? ApiResults.Page(context, containers.Value, ApiContainer.From) : ApiResults.Failure(containers.Error, containers.Message, caller);
        }).WithSummary("List a collection's containers with their tags").Produces<ApiPage<ApiContainer>>();

        one.MapPost("/containers", async (HttpContext context, string entity, string collection, CreateContainerRequest body, CollectionCatalog catalog, ContainerCatalog containers) =>
        {
            var caller = context.Caller();
            var found = await catalog.GetCollectionAsync(entity, collection, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            var created = await containers.CreateContainerAsync(found.Value.Id, body.Name, body.Description, caller, context.RequestAborted);
            return ApiResults.From(created, caller, ApiContainer.From, StatusCodes.Status201Created);
        }).WithSummary("Create a container (owners and contributors)").Produces<ApiContainer>(StatusCodes.Status201Created);
        return api;
    }
}
