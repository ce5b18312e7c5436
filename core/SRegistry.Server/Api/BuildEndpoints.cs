using SRegistry.Core.Builds;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary>Builds: a collection's list, one build, and cancelling (owners).</summary>
public static class BuildEndpoints
{
    public static RouteGroupBuilder MapApiBuilds(this RouteGroupBuilder api)
    {
        api.MapGet(CollectionEndpoints.Path + "/builds", async (HttpContext context, string entity, string collection, BuildCatalog builds, [AsParameters] ApiPaging paging) =>
        {
            if (!paging.TryGetRequest(out var page, out var error)) return ApiResults.Invalid(error);
            var found = await builds.ListAsync(entity, collection, context.Caller(), page, context.RequestAborted);
            return found.Succeeded ? ApiResults.Page(context, found.Value, ApiBuild.From) : ApiResults.Failure(found.Error, found.Message, context.Caller());
        }).WithTags("Builds").WithSummary("List a collection's builds, newest first").Produces<ApiPage<ApiBuild>>();

        var one = api.MapGroup("/builds/{id:guid}").WithTags("Builds");
        one.MapGet("", async (HttpContext context, Guid id, BuildCatalog builds) =>
            ApiResults.From(await builds.GetAsync(id, context.Caller(), context.RequestAborted), context.Caller(), ApiBuild.From))
            .WithSummary("Get a build").Produces<ApiBuild>();
        one.MapPost("/cancel", async (HttpContext context, Guid id, BuildCatalog builds) =>
            ApiResults.From(await builds.CancelAsync(id, context.Caller(), context.RequestAborted), context.Caller(), ApiBuild.From))
            .WithSummary("Cancel a queued or working build (collection owners)").Produces<ApiBuild>();
        return api;
    }
}
