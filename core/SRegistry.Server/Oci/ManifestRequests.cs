using Microsoft.Extensions.Options;
using SRegistry.Core.Accounts;
using SRegistry.Core.Oci;

namespace SRegistry.Server.Oci;

/// <summary>
/// <c>/v2/&lt;name&gt;/manifests/&lt;reference&gt;</c>: GET and HEAD (the bytes, media type and digest as
/// pushed), PUT, DELETE. Whatever the client accepts, a manifest comes back as it was pushed.
/// </summary>
public sealed class ManifestRequests(OciGate gate, OciManifests manifests, IOptions<OciOptions> options)
{
    public async Task<IResult> GetAsync(HttpContext context, OciRoute route, bool headOnly)
    {
        var ct = context.RequestAborted;
        if (ManifestReferenceText.TryParse(route.Argument, out var tag, out var digest, out var error) is not OciError.None and var refused)
            return OciResults.Failure(refused, error!);
        var (container, _, refusal) = await gate.OpenAsync(context, route.Name, TokenScopes.Pull, ct);
        if (refusal is not null) return refusal;

        var manifest = await manifests.GetAsync(container!, tag, digest, ct);
        if (manifest is null)
            return OciResults.Error(StatusCodes.Status404NotFound, "MANIFEST_UNKNOWN", $"The repository '{route.Name}' has no manifest '{route.Argument}'.");
        context.Response.Headers["Docker-Content-Digest"] = manifest.Digest.ToString();
        context.Response.Headers.ETag = $"\"{manifest.Digest}\"";
        context.Response.ContentType = manifest.MediaType;
        context.Response.ContentLength = manifest.Content.Length;
        if (!headOnly)
            await context.Response.Body.WriteAsync(manifest.Content, ct);
        return Results.Empty;
    }

    public async Task<IResult> PutAsync(HttpContext context, OciRoute route)
    {
        var ct = context.RequestAborted;
        if (ManifestReferenceText.TryParse(route.Argument, out var tag, out var digest, out var error) is not OciError.None and var refused)
            return OciResults.Failure(refused, error!);
        var limit = options.Value.MaxManifestSize;
        if (context.Request.ContentLength > limit)
            return TooLarge(limit);
        var (container, identity, refusal) = await gate.OpenAsync(context, route.Name, TokenScopes.Push, ct);
        if (refusal is not null) return refusal;

        var content = await ReadCappedAsync(context.Request.Body, limit, ct);
        if (content is null)
            return TooLarge(limit);
        var pushed = await manifests.PutAsync(container!, tag, digest, context.Request.ContentType, content, identity.Caller, ct);
        if (!pushed.Succeeded)
            return OciResults.Failure(pushed.Error, pushed.Message);

        var headers = context.Response.Headers;
        headers["Docker-Content-Digest"] = pushed.Value!.Digest.ToString();
        headers.Location = $"/v2/{route.Name}/manifests/{pushed.Value.Digest}";
        if (pushed.Value.Subject is { } subject)
            headers["OCI-Subject"] = subject.ToString();
        context.Response.ContentLength = 0;
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    public async Task<IResult> DeleteAsync(HttpContext context, OciRoute route)
    {
        var ct = context.RequestAborted;
        if (ManifestReferenceText.TryParse(route.Argument, out var tag, out var digest, out var error) is not OciError.None and var refused)
            return OciResults.Failure(refused, error!);
        var (container, identity, refusal) = await gate.OpenAsync(context, route.Name, TokenScopes.Delete, ct);
        if (refusal is not null) return refusal;
        return await manifests.DeleteAsync(container!, tag, digest, identity.Caller, ct)
            ? Results.StatusCode(StatusCodes.Status202Accepted)
            : OciResults.Error(StatusCodes.Status404NotFound, "MANIFEST_UNKNOWN", $"The repository '{route.Name}' has no manifest '{route.Argument}'.");
    }

    // Reads at most limit + 1 bytes: a body without Content-Length cannot make the server hold more.
    private static async Task<byte[]?> ReadCappedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult TooLarge(int limit) =>
        OciResults.Error(StatusCodes.Status413PayloadTooLarge, "SIZE_INVALID", $"Manifests are limited to {limit} bytes.");
}
