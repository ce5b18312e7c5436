using SRegistry.Core.Catalog;
using SRegistry.Core.Stars;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary>Stars: <c>PUT/DELETE …/containers/{entity}/{collection}/{container}/star</c> and <c>GET /api/v1/stars</c>.</summary>
public static class StarEndpoints
{
    public static RouteGroupBuilder MapApiStars(this RouteGroupBuilder api)
    {
        api.MapGet("/stars", async (HttpContext context, StarService stars, [AsParameters] ApiPaging paging) =>
        {
            if (!paging.TryGetRequest(out var page, out var error)) return ApiResults.Invalid(error);
            var starred = await stars.ListStarredAsync(context.Caller(), page, context.RequestAborted);
            return starred.Succeeded ? ApiResults.Page(context, starred.Value, ApiContainer.From) : ApiResults.Failure(starred.Error, starred.Message, context.Caller());
        }).WithTags("Stars").WithSummary("List the containers you starred").Produces<ApiPage<ApiContainer>>();

        var star = api.MapGroup(ContainerEndpoints.Path + "/star").WithTags("Stars");
        star.MapPut("", (HttpContext context, string entity, string collection, string container, ContainerCatalog catalog, StarService stars) =>
            Change(context, entity, collection, container, catalog, (id, caller) => stars.StarAsync(id, caller, context.RequestAborted)))
            .WithSummary("Star a container").Produces(StatusCodes.Status204NoContent);
        star.MapDelete("", (HttpContext context, string entity, string collection, string container, ContainerCatalog catalog, StarService stars) =>
            Change(context, entity, collection, container, catalog, (id, caller) => stars.UnstarAsync(id, caller, context.RequestAborted)))
            .WithSummary("Remove your star from a container").Produces(StatusCodes.Status204NoContent);
        return api;
    }

    private static async Task<IResult> Change(
        HttpContext context, string entity, string collection, string container, ContainerCatalog catalog,
        Func<long, Caller, Task<Core.RegistryResult<Core.Domain.Container>>> change)
    {
        var caller = context.Caller();
        var found = await catalog.GetContainerAsync(entity, collection, container, caller, context.RequestAborted);
        if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
        return ApiResults.NoContent(await change(found.Value.Id, caller), caller);
    }
}
