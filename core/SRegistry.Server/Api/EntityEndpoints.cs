using SRegistry.Core.Catalog;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary><c>/api/v1/entities</c>: namespaces. Entities are public; their collections may not be.</summary>
public static class EntityEndpoints
{
    public static RouteGroupBuilder MapApiEntities(this RouteGroupBuilder api)
    {
        var entities = api.MapGroup("/entities").WithTags("Entities");
        entities.MapGet("", async (HttpContext context, CatalogListing listing, [AsParameters] ApiPaging paging) =>
        {
            if (!paging.TryGetRequest(out var page, out var error)) return ApiResults.Invalid(error);
            return ApiResults.Page(context, await listing.EntitiesAsync(page, context.RequestAborted), ApiEntity.From);
        }).WithSummary("List entities").Produces<ApiPage<ApiEntity>>();

        entities.MapGet("/{entity}", async (HttpContext context, string entity, EntityCatalog catalog) =>
            ApiResults.From(await catalog.GetEntityAsync(entity, context.Caller(), context.RequestAborted), context.Caller(), ApiEntity.From))
            .WithSummary("Get an entity").Produces<ApiEntity>();

        entities.MapPost("", async (HttpContext context, CreateEntityRequest body, EntityCatalog catalog) =>
        {
            var created = await catalog.CreateEntityAsync(body.Name, body.Description, body.DefaultPrivate, context.Caller(), context.RequestAborted);
            return ApiResults.From(created, context.Caller(), ApiEntity.From, StatusCodes.Status201Created);
        }).WithSummary("Create an entity (your user name, a team you own, or any name for administrators)").Produces<ApiEntity>(StatusCodes.Status201Created);
        return api;
    }
}
