using SRegistry.Abstractions.Storage;
using SRegistry.Core.Images;
using SRegistry.Core.Sharing;
using SRegistry.Server.Privacy;

namespace SRegistry.Server.Sharing;

/// <summary>
/// <c>GET /share/{secret}</c>: downloads the image of a share link without signing in, until the link
/// expires or is revoked. Every download is counted and written to the audit log; HEAD is not.
/// </summary>
public static class ShareDownloadEndpoints
{
    private const string Prefix = "/share/";

    /// <summary>The URL of a link with this secret, on the host the request came to.</summary>
    public static string Url(HttpRequest request, string secret) => $"{request.Scheme}://{request.Host}{Prefix}{secret}";

    public static IEndpointRouteBuilder MapShareDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(Prefix + "{secret}", [HttpMethods.Get, HttpMethods.Head], async (HttpContext context, string secret, ShareLinkService sharing, ImageStore store) =>
        {
            var isHead = HttpMethods.IsHead(context.Request.Method);
            var range = context.Request.Headers.Range.ToString();
            // A download is recorded once, not once per range of a resumed or parallel download.
            var recordUse = !isHead && (range.Length == 0 || range.StartsWith("bytes=0-", StringComparison.Ordinal));
            var image = await sharing.OpenAsync(secret, recordUse, context.RequestAborted);
            if (image is null)
                return Results.Problem(statusCode: StatusCodes.Status404NotFound,
                    detail: "This share link does not exist, has expired or was revoked; ask its owner for a new one.");

            context.Response.Headers.CacheControl = "no-store";
            if (isHead)
            {
                context.Response.ContentType = "application/octet-stream";
                context.Response.ContentLength = image.Size;
                context.Response.Headers.AcceptRanges = "bytes";
                return Results.Empty;
            }

            var content = await store.OpenReadAsync(BlobDigest.Parse(image.Digest), 0, null, context.RequestAborted);
            if (content is null)
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "The shared image's bytes are missing from the store.");
            return Results.Stream(content, "application/octet-stream", $"{image.Container.Name}_{image.Digest[..12]}.sif", enableRangeProcessing: true);
        }).ExcludeFromDescription().PublicInPrivateMode(); // Share links are for people without accounts: that is their purpose.
        return endpoints;
    }
}
