using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;

namespace SRegistry.Server.Oci;

/// <summary>The OCI distribution API v1.1 and the Docker token protocol (<c>oras://</c>, skopeo, podman, docker), as protocols.md §4 describes them.</summary>
public static class OciEndpoints
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    /// <remarks>Options are bound in RegistryComposition (section <c>Oci</c>); tokens are sealed with the Data
    /// Protection keys the host keeps in <c>&lt;data&gt;/keys</c>.</remarks>
    public static IServiceCollection AddOciApi(this IServiceCollection services)
    {
        services.AddDataProtection();
        services.AddSingleton<OciTokens>();
        services.AddSingleton<OciChallenge>();
        services.AddScoped<OciCredentials>();
        services.AddScoped<OciGate>();
        services.AddScoped<BlobRequests>();
        services.AddScoped<UploadRequests>();
        services.AddScoped<ManifestRequests>();
        services.AddScoped<ListingRequests>();
        return services;
    }

    public static IEndpointRouteBuilder MapOciApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOciTokens();
        endpoints.MapMethods("/v2/", [HttpMethods.Get, HttpMethods.Head], BaseAsync);

        // One route for everything under /v2/, taken apart by OciRoute: names have one to three parts,
        // which route templates cannot express. The library door's literal /v2/ routes take precedence.
        // Blobs may be any size; manifests are capped by ManifestRequests itself.
        endpoints.MapMethods("/v2/{**path}", Methods, DispatchAsync).WithMetadata(new DisableRequestSizeLimitAttribute());
        return endpoints;
    }

    private static async Task<IResult> BaseAsync(HttpContext context, OciCredentials credentials, OciChallenge challenge)
    {
        context.Response.Headers[OciResults.ApiVersionHeader] = "registry/2.0";
        var identity = await credentials.IdentifyAsync(context.Request, context.RequestAborted);

        // Clients probe /v2/ to learn where tokens come from, and `docker login` to check credentials.
        if (identity.Failed || (identity.IsAnonymous && context.Request.Headers.Authorization.Count == 0))
            return challenge.Unauthorized(context, null, "Authentication is required; get a token from /v2/token.");
        return OciResults.Json(new { });
    }

    private static async Task<IResult> DispatchAsync(
        HttpContext context, string path, BlobRequests blobs, UploadRequests uploads, ManifestRequests manifests, ListingRequests listings)
    {
        context.Response.Headers[OciResults.ApiVersionHeader] = "registry/2.0";
        var route = OciRoute.Parse(path);
        var method = context.Request.Method;
        var head = HttpMethods.IsHead(method);
        return (route.Kind, method) switch
        {
            (OciRouteKind.Catalog, "GET") => await listings.CatalogAsync(context),
            (OciRouteKind.TagList, "GET") => await listings.TagsAsync(context, route),
            (OciRouteKind.Referrers, "GET") => await listings.ReferrersAsync(context, route),
            (OciRouteKind.Manifest, "GET" or "HEAD") => await manifests.GetAsync(context, route, head),
            (OciRouteKind.Manifest, "PUT") => await manifests.PutAsync(context, route),
            (OciRouteKind.Manifest, "DELETE") => await manifests.DeleteAsync(context, route),
            (OciRouteKind.Blob, "GET" or "HEAD") => await blobs.GetAsync(context, route, head),
            (OciRouteKind.Blob, "DELETE") => await blobs.DeleteAsync(context, route),
            (OciRouteKind.Uploads, "POST") => await uploads.StartAsync(context, route),
            (OciRouteKind.Upload, "PATCH") => await uploads.PatchAsync(context, route),
            (OciRouteKind.Upload, "PUT") => await uploads.PutAsync(context, route),
            (OciRouteKind.Upload, "GET") => await uploads.StatusAsync(context, route),
            (OciRouteKind.Upload, "DELETE") => await uploads.CancelAsync(context, route),
            (OciRouteKind.Unknown, _) => OciResults.Error(StatusCodes.Status404NotFound, "NAME_UNKNOWN", $"'/v2/{path}' is no distribution API path."),
            _ => OciResults.Error(StatusCodes.Status405MethodNotAllowed, "UNSUPPORTED", $"{method} is not supported on '/v2/{path}'."),
        };
    }
}
