using SRegistry.Abstractions.Storage;
using SRegistry.Core.Catalog;
using SRegistry.Core.Images;
using SRegistry.Core.Storage;

namespace SRegistry.Server.Library;

/// <summary>
/// <c>GET v1/imagefile/{ref}</c>: the image bytes, streamed with 200 (every client handles that),
/// with Content-Length and Range support (206 + Content-Range) for concurrent and resumed downloads;
/// or, with direct transfers, a 303 to a presigned URL of the store.
/// </summary>
public static class ImageFileEndpoints
{
    private const string Prefix = "/v1/imagefile/";

    public static RouteGroupBuilder MapLibraryImageFiles(this RouteGroupBuilder library)
    {
        library.MapGet(Prefix + "{**ref}", async (HttpContext context, ImageCatalog images, ImageStore store, DirectTransfers direct) =>
        {
            var caller = context.Caller();
            if (!ImageEndpoints.TryReference(context.Request, out var reference, out var invalid, Prefix)) return invalid;
            var image = await images.GetImageAsync(reference, context.Request.Arch(), caller, context.RequestAborted);
            if (!image.Succeeded) return LibraryResults.Failure(image.Error, image.Message, caller);
            if (!image.Value.Uploaded)
            {
                return LibraryResults.Error(StatusCodes.Status404NotFound, $"{reference} has no uploaded bytes yet.");
            }

            // Direct transfers: 303 to a presigned URL of the store, which answers ranges itself. 303 is what
            // the client's concurrent downloader follows (it refuses other redirects); the plain one follows any.
            if (direct.Transfer is { } transfer
                && await transfer.GetDownloadUrlAsync(BlobDigest.Parse(image.Value.Digest), direct.UrlLifetime, context.RequestAborted) is { } url)
            {
                if (IsFirstRequestOfDownload(context.Request)) await images.RecordDownloadAsync(image.Value.Id, context.RequestAborted);
                context.Response.Headers.Location = url.AbsoluteUri;
                return Results.StatusCode(StatusCodes.Status303SeeOther);
            }

            var content = await store.OpenReadAsync(BlobDigest.Parse(image.Value.Digest), 0, null, context.RequestAborted);
            if (content is null)
            {
                return LibraryResults.Error(StatusCodes.Status404NotFound, $"The bytes of {reference} are missing from the store.");
            }

            // A download is counted once, not once per range of a concurrent download.
            if (IsFirstRequestOfDownload(context.Request))
            {
                await images.RecordDownloadAsync(image.Value.Id, context.RequestAborted);
            }

            return Results.Stream(content, "application/octet-stream", enableRangeProcessing: true);
        });
        return library;
    }

    private static bool IsFirstRequestOfDownload(HttpRequest request)
    {
        var range = request.Headers.Range.ToString();
        return range.Length == 0 || range.StartsWith("bytes=0-", StringComparison.Ordinal);
    }
}
