using System.Globalization;
using System.IO.Pipelines;
using Microsoft.Net.Http.Headers;
using SRegistry.Core.Accounts;
using SRegistry.Core.Oci;
using SRegistry.Core.Storage;

namespace SRegistry.Server.Oci;

/// <summary>
/// <c>/v2/&lt;name&gt;/blobs/&lt;digest&gt;</c>: HEAD, GET (with a Range: 206, or with direct transfers a 307 to a
/// presigned URL of the store, as CNCF distribution does), DELETE.
/// </summary>
public sealed class BlobRequests(OciGate gate, OciBlobs blobs, DirectTransfers direct)
{
    // Each buffer costs thread hops (send, resume): 1 MiB rather than 256 KiB made 32 concurrent pulls on 2 cores
    // faster (docs/benchmarks.md), for 1 MiB of memory per pull in flight.
    private const int ChunkSize = 1024 * 1024;

    public async Task<IResult> GetAsync(HttpContext context, OciRoute route, bool headOnly)
    {
        var ct = context.RequestAborted;
        if (ManifestReferenceText.TryParseDigest(route.Argument, out var digest, out var error) is not OciError.None and var refused)
            return OciResults.Failure(refused, error!);
        var (container, _, refusal) = await gate.OpenAsync(context, route.Name, TokenScopes.Pull, ct);
        if (refusal is not null) return refusal;

        var size = await blobs.SizeAsync(container!, digest!.Value, ct);
        if (size is not { } total)
            return OciResults.Error(StatusCodes.Status404NotFound, "BLOB_UNKNOWN", $"The repository '{route.Name}' has no blob {digest}.");
        if (!ByteRange.TryParse(context.Request.Headers.Range.ToString(), total, out var range))
        {
            context.Response.Headers.ContentRange = $"bytes */{total}";
            return OciResults.Error(StatusCodes.Status416RangeNotSatisfiable, "BLOB_UNKNOWN", $"The range '{context.Request.Headers.Range}' is outside the blob's {total} bytes.");
        }

        var response = context.Response;
        response.Headers["Docker-Content-Digest"] = digest.Value.ToString();

        // Direct transfers: the client fetches the bytes (and any range of them) from the store itself.
        if (!headOnly && direct.Transfer is { } transfer
            && await transfer.GetDownloadUrlAsync(digest.Value, direct.UrlLifetime, ct) is { } url)
        {
            response.Headers.Location = url.AbsoluteUri;
            return Results.StatusCode(StatusCodes.Status307TemporaryRedirect);
        }

        response.Headers.AcceptRanges = "bytes";
        response.ContentType = "application/octet-stream";
        var (start, length) = range is { } r ? (r.Start, r.Length) : (0L, total);
        response.ContentLength = length;
        if (range is not null)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{start + length - 1}/{total}");
        }

        if (headOnly)
            return Results.Empty;
        await using var content = await blobs.OpenAsync(container!, digest.Value, start, length, ct);
        if (content is null)
            return OciResults.Error(StatusCodes.Status404NotFound, "BLOB_UNKNOWN", $"The blob {digest} disappeared.");
        await CopyAsync(content, response.BodyWriter, ct);
        return Results.Empty;
    }

    public async Task<IResult> DeleteAsync(HttpContext context, OciRoute route)
    {
        var ct = context.RequestAborted;
        if (ManifestReferenceText.TryParseDigest(route.Argument, out var digest, out var error) is not OciError.None and var refused)
            return OciResults.Failure(refused, error!);
        var (container, identity, refusal) = await gate.OpenAsync(context, route.Name, TokenScopes.Delete, ct);
        if (refusal is not null) return refusal;
        return await blobs.DeleteAsync(container!, digest!.Value, identity.Caller.Actor, ct)
            ? Results.StatusCode(StatusCodes.Status202Accepted)
            : OciResults.Error(StatusCodes.Status404NotFound, "BLOB_UNKNOWN", $"The repository '{route.Name}' has no uploaded blob {digest}.");
    }

    // Reads straight into the response pipe's buffers: one copy of every byte fewer than a stream copy,
    // which is what many concurrent pulls on few cores are short of.
    private static async Task CopyAsync(Stream content, PipeWriter response, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await content.ReadAsync(response.GetMemory(ChunkSize), cancellationToken);
            if (read == 0) return;
            response.Advance(read);
            var flushed = await response.FlushAsync(cancellationToken);
            if (flushed.IsCompleted || flushed.IsCanceled) return;
        }
    }
}
