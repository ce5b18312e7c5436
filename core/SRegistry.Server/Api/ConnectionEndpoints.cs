using SRegistry.Core.Builds;
using SRegistry.Core.Catalog;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary>Source repository connections of a collection (owners): list, connect (the secret is shown once), disconnect.</summary>
public static class ConnectionEndpoints
{
    public static RouteGroupBuilder MapApiConnections(this RouteGroupBuilder api)
    {
        var connections = api.MapGroup(CollectionEndpoints.Path + "/connections").WithTags("Builds");
        connections.MapGet("", async (HttpContext context, string entity, string collection, CollectionCatalog catalog, RepositoryConnections store) =>
        {
            var caller = context.Caller();
            var found = await catalog.GetCollectionAsync(entity, collection, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            var list = await store.ListAsync(found.Value.Id, caller, context.RequestAborted);
            return ApiResults.From(list, caller, l => l.Select(c => ApiConnection.From(c, store.HookPath(c))).ToList());
        }).WithSummary("List the source repositories connected to a collection (owners)").Produces<List<ApiConnection>>();

        connections.MapPost("", async (HttpContext context, string entity, string collection, CreateConnectionRequest body, CollectionCatalog catalog, RepositoryConnections store) =>
        {
            var caller = context.Caller();
            var found = await catalog.GetCollectionAsync(entity, collection, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            var created = await store.CreateAsync(found.Value.Id,
                new ConnectionSettings(body.Provider, body.Repository, body.Container, body.Branches, body.RecipePatterns), caller, context.RequestAborted);
            return ApiResults.From(created, caller, c => new ApiCreatedConnection(
                ApiConnection.From(c.Connection, c.HookPath), c.Secret, $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{c.HookPath}"),
                StatusCodes.Status201Created);
        }).WithSummary("Connect a source repository to a collection (owners); the webhook secret is in this response only")
            .Produces<ApiCreatedConnection>(StatusCodes.Status201Created);

        connections.MapDelete("/{id:guid}", async (HttpContext context, string entity, string collection, Guid id, CollectionCatalog catalog, RepositoryConnections store) =>
        {
            var caller = context.Caller();
            var found = await catalog.GetCollectionAsync(entity, collection, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            return ApiResults.NoContent(await store.DeleteAsync(found.Value.Id, id, caller, context.RequestAborted), caller);
        }).WithSummary("Disconnect a source repository (owners); its builds stay listed").Produces(StatusCodes.Status204NoContent);
        return api;
    }
}
