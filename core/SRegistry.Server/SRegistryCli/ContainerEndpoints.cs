using SRegistry.Core;
using SRegistry.Core.Catalog;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// <c>GET /api/container/&lt;collection&gt;/&lt;name&gt;[:tag][@version]</c> (sregistry pull and shub://) and
/// <c>DELETE</c> of the same path (sregistry delete).
/// </summary>
public static class ContainerEndpoints
{
    private const string Prefix = "/api/container/";

    public static IEndpointRouteBuilder MapSRegistryCliContainers(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Prefix + "{**path}", async (HttpContext context, string path, HmacAuthenticator hmac, ImageCatalog images, DownloadUrls downloads) =>
        {
            if (!ContainerUri.TryParse(path, out var uri, out var error)) return SRegistryCliResults.Message(StatusCodes.Status400BadRequest, error);
            var auth = await hmac.AuthenticateAsync(context.Request.Headers.Authorization, "pull", uri.Collection, uri.Name, uri.Tag, context.RequestAborted);
            if (auth.Refusal is { } refusal) return SRegistryCliResults.Message(StatusCodes.Status403Forbidden, refusal);

            var image = await images.GetImageAsync(uri.Reference, null, auth.Caller, context.RequestAborted);
            if (!image.Succeeded)
            {
                // The client retries with its signature only after a 403, so a private image must answer
                // 403 rather than 404 here. That tells an outsider the name exists: the protocol's price.
                if (image.Error == RegistryError.NotFound && (await images.GetImageAsync(uri.Reference, null, Caller.System, context.RequestAborted)).Succeeded)
                    return SRegistryCliResults.Message(StatusCodes.Status403Forbidden, $"{uri.Collection}/{uri.Name}:{uri.Tag} is private; sign the request with a token that may see it.");
                return SRegistryCliResults.Failure(image.Error, image.Message);
            }

            if (!image.Value.Uploaded) return SRegistryCliResults.Message(StatusCodes.Status404NotFound, $"{uri.Collection}/{uri.Name} has no uploaded bytes yet.");
            var fileName = $"{uri.Collection}-{uri.Name}-{uri.Tag}.sif";
            return SRegistryCliResults.Ok(ContainerView.Pull(image.Value, uri.Tag, downloads.Create(context.Request, image.Value.Id, fileName)));
        });

        endpoints.MapDelete(Prefix + "{**path}", async (HttpContext context, string path, HmacAuthenticator hmac, ImageCatalog images, ILoggerFactory loggers) =>
        {
            if (!ContainerUri.TryParse(path, out var uri, out var error)) return SRegistryCliResults.Message(StatusCodes.Status400BadRequest, error);
            var auth = await hmac.AuthenticateAsync(context.Request.Headers.Authorization, "delete", uri.Collection, uri.Name, uri.Tag, context.RequestAborted);
            if (auth.Refusal is { } refusal) return SRegistryCliResults.Message(StatusCodes.Status403Forbidden, refusal);
            if (auth.Caller.IsAnonymous) return SRegistryCliResults.Message(StatusCodes.Status403Forbidden, "Deleting needs a signed request: set your token in ~/.sregistry.");

            // sregistry deletes what the tag names: here the image, with every tag pointing at it.
            var deleted = await images.DeleteImageAsync(uri.Reference, null, auth.Caller, context.RequestAborted);
            if (!deleted.Succeeded) return SRegistryCliResults.Failure(deleted.Error, deleted.Message);
            if (deleted.Value.BlobUnreferenced)
                loggers.CreateLogger(typeof(ContainerEndpoints)).LogInformation("Blob {Digest} is no longer used; the garbage collector will remove it", deleted.Value.Digest);
            return Results.NoContent();
        });
        return endpoints;
    }
}
