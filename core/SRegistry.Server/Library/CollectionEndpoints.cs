using SRegistry.Core.Catalog;
using SRegistry.Server.Library.Models;

namespace SRegistry.Server.Library;

/// <summary><c>v1/collections</c>: found by <c>entity/collection</c> (entity may be empty), created by entity id.</summary>
public static class CollectionEndpoints
{
    public static RouteGroupBuilder MapLibraryCollections(this RouteGroupBuilder library)
    {
        library.MapGet("/v1/collections/{**ref}", async (HttpContext context, CollectionCatalog collections) =>
        {
            var caller = context.Caller();
            if (LibraryPath.WithDefaults(LibraryPath.Segments(context.Request, "/v1/collections/")) is not [var entity, var name])
            {
                return LibraryResults.Error(StatusCodes.Status400BadRequest, "A collection ref is entity/collection.");
            }

            return LibraryResults.From(await collections.GetCollectionAsync(entity, name, caller, context.RequestAborted), caller, LibraryViews.Of);
        });

        library.MapPost("/v1/collections", async (HttpContext context, CollectionCatalog collections) =>
        {
            var (body, error) = await LibraryRequest.ReadJsonAsync<CreateCollectionBody>(context.Request);
            if (error is not null) return error;
            if (LibraryRequest.Id(body!.Entity) is not { } entityId)
            {
                return LibraryResults.Error(StatusCodes.Status400BadRequest, $"'entity' must be the id of an entity (got '{body.Entity}').");
            }

            var caller = context.Caller();

            // Go clients always send private=false: only true is a choice; false means "the default".
            var created = await collections.CreateCollectionAsync(entityId, body.Name ?? "", body.Description, body.Private == true ? true : null, caller, context.RequestAborted);
            if (!created.Succeeded) return LibraryResults.Failure(created.Error, created.Message, caller);
            var reread = await collections.GetCollectionAsync(created.Value.Entity.Name, created.Value.Name, caller, context.RequestAborted);
            return LibraryResults.From(reread, caller, LibraryViews.Of);
        });
        return library;
    }
}
