using SRegistry.Core.Catalog;
using SRegistry.Server.Library.Models;

namespace SRegistry.Server.Library;

/// <summary><c>v1/containers</c>: found by <c>entity/collection/container</c>, created by collection id.</summary>
public static class ContainerEndpoints
{
    public static RouteGroupBuilder MapLibraryContainers(this RouteGroupBuilder library)
    {
        library.MapGet("/v1/containers/{**ref}", async (HttpContext context, ContainerCatalog containers) =>
        {
            var caller = context.Caller();
            if (LibraryPath.WithDefaults(LibraryPath.Segments(context.Request, "/v1/containers/")) is not [var entity, var collection, var name])
            {
                return LibraryResults.Error(StatusCodes.Status400BadRequest, "A container ref is entity/collection/container.");
            }

            return LibraryResults.From(await containers.GetContainerAsync(entity, collection, name, caller, context.RequestAborted), caller, LibraryViews.Of);
        });

        library.MapPost("/v1/containers", async (HttpContext context, ContainerCatalog containers) =>
        {
            var (body, error) = await LibraryRequest.ReadJsonAsync<CreateContainerBody>(context.Request);
            if (error is not null) return error;
            if (LibraryRequest.Id(body!.Collection) is not { } collectionId)
            {
                return LibraryResults.Error(StatusCodes.Status400BadRequest, $"'collection' must be the id of a collection (got '{body.Collection}').");
            }

            var caller = context.Caller();
            var created = await containers.CreateContainerAsync(collectionId, body.Name ?? "", body.Description, caller, context.RequestAborted);
            if (!created.Succeeded) return LibraryResults.Failure(created.Error, created.Message, caller);
            return LibraryResults.From(await containers.GetContainerByIdAsync(created.Value.Id, caller, context.RequestAborted), caller, LibraryViews.Of);
        });
        return library;
    }
}
