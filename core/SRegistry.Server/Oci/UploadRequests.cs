using System.Globalization;
using SRegistry.Core.Accounts;
using SRegistry.Core.Domain;
using SRegistry.Core.Oci;
using SRegistry.Core.Quotas;

namespace SRegistry.Server.Oci;

/// <summary>
/// <c>/v2/&lt;name&gt;/blobs/uploads/</c>: POST (start, monolithic with <c>?digest=</c>, or mount with
/// <c>?mount=&amp;from=</c>), then PATCH chunks, PUT <c>?digest=</c> to finish, GET status, DELETE to cancel.
/// </summary>
public sealed class UploadRequests(OciGate gate, OciRepositories repositories, OciBlobs blobs, OciBlobUploads uploads, QuotaService quotas)
{
    public async Task<IResult> StartAsync(HttpContext context, OciRoute route)
    {
        var ct = context.RequestAborted;
        var query = context.Request.Query;
        var (container, identity, refusal) = await gate.OpenAsync(context, route.Name, TokenScopes.Push, ct);
        if (refusal is not null) return refusal;

        if (query.ContainsKey("mount"))
        {
            var mounted = await TryMountAsync(container!, identity, query["mount"].ToString(), query["from"].ToString(), ct);
            if (mounted is { } digest)
                return Created(context, route, digest.ToString());
        }

        if (await OverQuotaAsync(context, container!.Id, 0) is { } overQuota) return overQuota;

        var upload = await uploads.BeginAsync(container!, identity.Caller, ct);
        if (query.ContainsKey("digest"))
            return await CompleteAsync(context, route, upload, identity, query["digest"].ToString());
        return Accepted(context, route, upload, 0);
    }

    public async Task<IResult> PatchAsync(HttpContext context, OciRoute route)
    {
        var (upload, _, refusal) = await OpenAsync(context, route);
        if (refusal is not null) return refusal;
        if (!TryReadStart(context, out var start))
            return OciResults.Error(StatusCodes.Status416RangeNotSatisfiable, "BLOB_UPLOAD_INVALID", "Content-Range must be <start>-<end>.");
        // Read once, for the quota and the append: with an object store it is a listing.
        var offset = await uploads.OffsetAsync(upload!, context.RequestAborted);
        if (await OverQuotaAsync(context, upload!.ContainerId, offset) is { } overQuota) return overQuota;
        var appended = await uploads.AppendAtAsync(upload!, offset, context.Request.Body, start, context.RequestAborted);
        if (!appended.Succeeded)
            return await RangeRefusal(context, route, upload!, appended.Error, appended.Message);
        return Accepted(context, route, upload!, appended.Value);
    }

    public async Task<IResult> PutAsync(HttpContext context, OciRoute route)
    {
        var (upload, identity, refusal) = await OpenAsync(context, route);
        if (refusal is not null) return refusal;
        if (await OverQuotaAsync(context, upload!.ContainerId, await uploads.OffsetAsync(upload, context.RequestAborted)) is { } overQuota) return overQuota;
        return await CompleteAsync(context, route, upload!, identity!, context.Request.Query["digest"].ToString());
    }

    public async Task<IResult> StatusAsync(HttpContext context, OciRoute route)
    {
        var (upload, _, refusal) = await OpenAsync(context, route);
        if (refusal is not null) return refusal;
        SetUploadHeaders(context, route, upload!, await uploads.OffsetAsync(upload!, context.RequestAborted));
        return Results.NoContent();
    }

    public async Task<IResult> CancelAsync(HttpContext context, OciRoute route)
    {
        var (upload, _, refusal) = await OpenAsync(context, route);
        if (refusal is not null) return refusal;
        await uploads.CancelAsync(upload!, context.RequestAborted);
        return Results.NoContent();
    }

    private async Task<IResult> CompleteAsync(HttpContext context, OciRoute route, OciUpload upload, OciIdentity identity, string digestText)
    {
        if (ManifestReferenceText.TryParseDigest(digestText, out var digest, out var error) is not OciError.None and var refused)
        {
            await uploads.CancelAsync(upload, context.RequestAborted);
            return OciResults.Failure(refused, error!);
        }

        if (!TryReadStart(context, out var start))
            return OciResults.Error(StatusCodes.Status416RangeNotSatisfiable, "BLOB_UPLOAD_INVALID", "Content-Range must be <start>-<end>.");
        var completed = await uploads.CompleteAsync(upload, context.Request.Body, start, digest!.Value, identity.Caller, context.RequestAborted);
        return completed.Succeeded
            ? Created(context, route, completed.Value!.Digest.ToString())
            : await RangeRefusal(context, route, upload, completed.Error, completed.Message);
    }

    // Before bytes are kept: at the start with the announced length, then with each chunk on top of
    // what arrived (a chunk without Content-Length is checked with what arrived before it).
    private async Task<IResult?> OverQuotaAsync(HttpContext context, long containerId, long received)
    {
        var requested = received + (context.Request.ContentLength ?? 0);
        return await quotas.ExceededAsync(containerId, requested, context.RequestAborted) is { } exceeded
            ? OciResults.Error(StatusCodes.Status413PayloadTooLarge, "DENIED", exceeded.Refusal(requested),
                new { used = exceeded.UsedBytes, limit = exceeded.LimitBytes, requested })
            : null;
    }

    private async Task<(OciUpload? Upload, OciIdentity? Identity, IResult? Refusal)> OpenAsync(HttpContext context, OciRoute route)
    {
        var (container, identity, refusal) = await gate.OpenAsync(context, route.Name, TokenScopes.Push, context.RequestAborted);
        if (refusal is not null) return (null, null, refusal);
        var upload = Guid.TryParseExact(route.Argument, "N", out var id) ? await uploads.FindAsync(container!, id, context.RequestAborted) : null;
        return upload is null ? (null, null, Unknown(route)) : (upload, identity, null);
    }

    // A mount needs the right to read the source, through the token too when there is one; otherwise
    // the client gets an ordinary upload, as the spec says.
    private async Task<Abstractions.Storage.BlobDigest?> TryMountAsync(Container target, OciIdentity identity, string digestText, string fromText, CancellationToken ct)
    {
        if (ManifestReferenceText.TryParseDigest(digestText, out var digest, out _) != OciError.None
            || !RepositoryName.TryParse(fromText, out var from, out _)
            || (identity.Access is { } access && !access.Allows(from.ToString(), TokenScopes.Pull)))
            return null;
        var source = await repositories.FindAsync(from, identity.Caller, ct);
        return source is not null && await blobs.MountAsync(target, source, digest!.Value, ct) ? digest : null;
    }

    private static bool TryReadStart(HttpContext context, out long? start)
    {
        start = null;
        var header = context.Request.Headers.ContentRange.ToString();
        if (header.Length == 0)
            return true;
        var value = header.StartsWith("bytes ", StringComparison.OrdinalIgnoreCase) ? header[6..] : header;
        var dash = value.IndexOf('-');
        if (dash <= 0 || !long.TryParse(value[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            return false;
        start = parsed;
        return true;
    }

    private async Task<IResult> RangeRefusal(HttpContext context, OciRoute route, OciUpload upload, OciError error, string message)
    {
        if (error == OciError.RangeInvalid)
            SetUploadHeaders(context, route, upload, await uploads.OffsetAsync(upload, context.RequestAborted));
        return OciResults.Failure(error, message);
    }

    private static IResult Accepted(HttpContext context, OciRoute route, OciUpload upload, long offset)
    {
        SetUploadHeaders(context, route, upload, offset);
        context.Response.ContentLength = 0;
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static IResult Created(HttpContext context, OciRoute route, string digest)
    {
        context.Response.Headers["Docker-Content-Digest"] = digest;
        context.Response.Headers.Location = $"/v2/{route.Name}/blobs/{digest}";
        context.Response.ContentLength = 0;
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    private static void SetUploadHeaders(HttpContext context, OciRoute route, OciUpload upload, long offset)
    {
        var headers = context.Response.Headers;
        headers.Location = $"/v2/{route.Name}/blobs/uploads/{upload.Id:N}";
        headers["Docker-Upload-UUID"] = upload.Id.ToString("N");
        headers.Range = string.Create(CultureInfo.InvariantCulture, $"0-{Math.Max(0, offset - 1)}");
    }

    private static IResult Unknown(OciRoute route) =>
        OciResults.Error(StatusCodes.Status404NotFound, "BLOB_UPLOAD_UNKNOWN", $"There is no upload '{route.Argument}' in '{route.Name}' (finished, cancelled or expired).");
}
