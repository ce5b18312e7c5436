using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Server.Library.Models;

namespace SRegistry.Server.Library;

/// <summary><c>v1/entities</c>: namespaces, found or created by <c>singularity push</c>.</summary>
public static class EntityEndpoints
{
    public static RouteGroupBuilder MapLibraryEntities(this RouteGroupBuilder library)
    {
        library.MapGet("/v1/entities/{**name}", async (HttpContext context, EntityCatalog entities) =>
        {
            var name = LibraryPath.Segments(context.Request, "/v1/entities/") is [var single] && single.Length > 0 ? single : Entity.DefaultName;
            var caller = context.Caller();
            return LibraryResults.From(await entities.GetEntityAsync(name, caller, context.RequestAborted), caller, LibraryViews.Of);
        });

        library.MapPost("/v1/entities", async (HttpContext context, EntityCatalog entities) =>
        {
            var (body, error) = await LibraryRequest.ReadJsonAsync<CreateEntityBody>(context.Request);
            if (error is not null) return error;
            var caller = context.Caller();

            // Go clients always send defaultPrivate=false: only true is a choice; false means "the default".
            var created = await entities.CreateEntityAsync(body!.Name ?? "", body.Description, body.DefaultPrivate == true ? true : null, caller, context.RequestAborted);
            return LibraryResults.From(created, caller, LibraryViews.Of);
        });
        return library;
    }
}
