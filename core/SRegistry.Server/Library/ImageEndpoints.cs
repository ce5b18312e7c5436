using SRegistry.Core.Catalog;
using SRegistry.Core.Names;
using SRegistry.Server.Library.Models;

namespace SRegistry.Server.Library;

/// <summary><c>v1/images</c>: metadata by ref (tag or <c>sha256.</c> hash, per arch), create, delete.</summary>
public static class ImageEndpoints
{
    private const string Prefix = "/v1/images/";

    public static RouteGroupBuilder MapLibraryImages(this RouteGroupBuilder library)
    {
        library.MapGet(Prefix + "{**ref}", async (HttpContext context, ImageCatalog images) =>
        {
            var caller = context.Caller();
            if (!TryReference(context.Request, out var reference, out var invalid)) return invalid;
            var image = await images.GetImageAsync(reference, context.Request.Arch(), caller, context.RequestAborted);
            return LibraryResults.From(image, caller, LibraryViews.Of);
        });

        library.MapPost("/v1/images", async (HttpContext context, ImageCatalog images) =>
        {
            var (body, error) = await LibraryRequest.ReadJsonAsync<CreateImageBody>(context.Request);
            if (error is not null) return error;
            if (LibraryRequest.Id(body!.Container) is not { } containerId)
            {
                return LibraryResults.Error(StatusCodes.Status400BadRequest, $"'container' must be the id of a container (got '{body.Container}').");
            }

            var caller = context.Caller();
            var created = await images.CreateImageAsync(containerId, body.Hash ?? "", body.Arch ?? context.Request.Arch(), caller, context.RequestAborted);
            if (!created.Succeeded) return LibraryResults.Failure(created.Error, created.Message, caller);
            return LibraryResults.From(await images.GetImageByIdAsync(created.Value.Id, caller, context.RequestAborted), caller, LibraryViews.Of);
        });

        // 200, not 204: the Go client accepts nothing else for DELETE.
        library.MapDelete(Prefix + "{**ref}", async (HttpContext context, ImageCatalog images, ILogger<ImageCatalog> logger) =>
        {
            var caller = context.Caller();
            if (!TryReference(context.Request, out var reference, out var invalid)) return invalid;
            var deleted = await images.DeleteImageAsync(reference, context.Request.Arch(), caller, context.RequestAborted);
            if (deleted.Succeeded && deleted.Value.BlobUnreferenced)
            {
                logger.LogInformation("Blob {Digest} is no longer referenced after deleting {Reference}", deleted.Value.Digest, deleted.Value.Reference);
            }

            return LibraryResults.From(deleted, caller, d => new { id = LibraryViews.Id(d.ImageId) });
        });
        return library;
    }

    /// <summary>The image ref in the path after <paramref name="prefix"/>, or a 400 saying what is wrong with it.</summary>
    public static bool TryReference(HttpRequest request, out ImageReference reference, out IResult invalid, string prefix = Prefix)
    {
        if (LibraryPath.TryImageReference(LibraryPath.Segments(request, prefix), out var parsed, out var error))
        {
            reference = parsed!;
            invalid = Results.Empty;
            return true;
        }

        reference = null!;
        invalid = LibraryResults.Error(StatusCodes.Status400BadRequest, error);
        return false;
    }
}
