using SRegistry.Abstractions.Storage;
using SRegistry.Core.Catalog;
using SRegistry.Core.Images;
using SRegistry.Server.Privacy;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// The download URLs pulls hand out: no credentials (the client sends none), HEAD answered explicitly
/// (the client probes with it), GET streamed from the shared store with Range support.
/// </summary>
public static class DownloadEndpoints
{
    public static IEndpointRouteBuilder MapSRegistryCliDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(DownloadUrls.Path + "{ticket}/{fileName}", [HttpMethods.Get, HttpMethods.Head],
            async (HttpContext context, string ticket, DownloadUrls downloads, ImageCatalog images, ImageStore store) =>
        {
            if (downloads.Open(ticket) is not { } imageId)
                return SRegistryCliResults.Message(StatusCodes.Status403Forbidden, "This download URL is not valid or has expired; pull again for a new one.");
            var image = await images.GetImageByIdAsync(imageId, Caller.System, context.RequestAborted);
            if (!image.Succeeded || !image.Value.Uploaded)
                return SRegistryCliResults.Message(StatusCodes.Status404NotFound, "The image of this download URL no longer exists.");

            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.ContentType = "application/octet-stream";
                context.Response.ContentLength = image.Value.Size;
                context.Response.Headers.AcceptRanges = "bytes";
                return Results.Empty;
            }

            var content = await store.OpenReadAsync(BlobDigest.Parse(image.Value.Digest), 0, null, context.RequestAborted);
            if (content is null)
                return SRegistryCliResults.Message(StatusCodes.Status404NotFound, "The image's bytes are missing from the store.");

            // A download is counted once, not once per range of a resumed or parallel download.
            var range = context.Request.Headers.Range.ToString();
            if (range.Length == 0 || range.StartsWith("bytes=0-", StringComparison.Ordinal))
                await images.RecordDownloadAsync(imageId, context.RequestAborted);
            return Results.Stream(content, "application/octet-stream", enableRangeProcessing: true);
        }).PublicInPrivateMode(); // The sealed ticket is the credential (the client sends none); a bad one is one answer.
        return endpoints;
    }
}
