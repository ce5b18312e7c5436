using System.Globalization;
using SRegistry.Core.Accounts;
using SRegistry.Core.Oci;

namespace SRegistry.Server.Oci;

/// <summary><c>tags/list</c>, <c>referrers/&lt;digest&gt;</c> and <c>_catalog</c>, with <c>n</c>/<c>last</c> paging and a <c>Link</c> to the next page.</summary>
public sealed class ListingRequests(OciGate gate, OciCredentials credentials, OciChallenge challenge, OciRepositories repositories, OciManifests manifests)
{
    // Without n, a page is this long; clients follow Link for the rest.
    private const int DefaultPage = 1000;

    public async Task<IResult> TagsAsync(HttpContext context, OciRoute route)
    {
        if (!TryReadPage(context, out var n, out var last))
            return OciResults.Error(StatusCodes.Status400BadRequest, "UNSUPPORTED", "n must be a non-negative number.");
        var (container, _, refusal) = await gate.OpenAsync(context, route.Name, TokenScopes.Pull, context.RequestAborted);
        if (refusal is not null) return refusal;
        var tags = await manifests.TagsAsync(container!, last, n + 1, context.RequestAborted);
        var page = tags.Take(n).ToList();
        if (tags.Count > n && page.Count > 0)
            SetLink(context, $"/v2/{route.Name}/tags/list", n, page[^1]);
        return OciResults.Json(new { name = route.Name, tags = page });
    }

    public async Task<IResult> CatalogAsync(HttpContext context)
    {
        if (!TryReadPage(context, out var n, out var last))
            return OciResults.Error(StatusCodes.Status400BadRequest, "UNSUPPORTED", "n must be a non-negative number.");
        var identity = await credentials.IdentifyAsync(context.Request, context.RequestAborted);
        if (identity.Failed)
            return challenge.Unauthorized(context, null, "The credentials or token are not valid; sign in again.");
        var names = await repositories.ListAsync(identity.Caller, last, n + 1, context.RequestAborted);
        var page = names.Take(n).ToList();
        if (names.Count > n && page.Count > 0)
            SetLink(context, "/v2/_catalog", n, page[^1]);
        return OciResults.Json(new { repositories = page });
    }

    public async Task<IResult> ReferrersAsync(HttpContext context, OciRoute route)
    {
        if (ManifestReferenceText.TryParseDigest(route.Argument, out var digest, out var error) is not OciError.None and var refused)
            return OciResults.Failure(refused, error!);
        var (container, _, refusal) = await gate.OpenAsync(context, route.Name, TokenScopes.Pull, context.RequestAborted);
        if (refusal is not null) return refusal;

        var artifactType = context.Request.Query["artifactType"].ToString();
        var filter = artifactType.Length > 0 ? artifactType : null;
        var referrers = await manifests.ReferrersAsync(container!, digest!.Value, filter, context.RequestAborted);
        if (filter is not null)
            context.Response.Headers["OCI-Filters-Applied"] = "artifactType";
        return OciResults.Json(
            new
            {
                schemaVersion = 2,
                mediaType = OciMediaTypes.ImageIndex,
                manifests = referrers.Select(d => new { mediaType = d.MediaType, digest = d.Digest.ToString(), size = d.Size, artifactType = d.ArtifactType, annotations = d.Annotations }),
            },
            OciMediaTypes.ImageIndex);
    }

    private static bool TryReadPage(HttpContext context, out int n, out string? last)
    {
        var query = context.Request.Query;
        last = query["last"].ToString() is { Length: > 0 } l ? l : null;
        n = DefaultPage;
        return !query.ContainsKey("n") || (int.TryParse(query["n"], NumberStyles.None, CultureInfo.InvariantCulture, out n) && n < int.MaxValue);
    }

    private static void SetLink(HttpContext context, string path, int n, string last) =>
        context.Response.Headers.Link = $"<{path}?n={n}&last={Uri.EscapeDataString(last)}>; rel=\"next\"";
}
