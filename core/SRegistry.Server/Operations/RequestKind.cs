namespace SRegistry.Server.Operations;

/// <summary>What one request was, for metrics and rate limits: its door and whether it pushed, pulled or carried upload bytes.</summary>
/// <param name="Door">library, sregistry-cli, oci, api, web, share, health or metrics; never anything from the path itself.</param>
/// <param name="Upload">Whether the body carries image bytes (its duration is an upload duration).</param>
public sealed record RequestKind(string Door, bool Upload)
{
    /// <summary>Classifies by method and path only (no route data, so it works before routing and for 404s).</summary>
    public static RequestKind Of(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var method = request.Method;
        if (path.StartsWith("/v2/imagefile", StringComparison.Ordinal) || path.StartsWith("/v2/tags", StringComparison.Ordinal))
            return new("library", false);
        if (path.StartsWith("/v2/uploads/", StringComparison.Ordinal))
            return new("library", HttpMethods.IsPut(method));
        if (path.StartsWith("/v1/", StringComparison.Ordinal) || path is "/version" || path.StartsWith("/assets/config/", StringComparison.Ordinal))
            return new("library", HttpMethods.IsPost(method) && path.StartsWith("/v1/imagefile/", StringComparison.Ordinal));
        if (path.StartsWith("/v2/", StringComparison.Ordinal) || path is "/v2")
            return new("oci", path.Contains("/blobs/uploads/", StringComparison.Ordinal) && (HttpMethods.IsPatch(method) || HttpMethods.IsPut(method) || request.Query.ContainsKey("digest")));
        if (path.StartsWith("/api/v1", StringComparison.Ordinal) || path.StartsWith("/api/docs", StringComparison.Ordinal))
            return new("api", false);
        if (path.StartsWith("/api/", StringComparison.Ordinal))
            return new("sregistry-cli", false);
        if (path is "/upload")
            return new("sregistry-cli", HttpMethods.IsPost(method));
        if (path.StartsWith("/share/", StringComparison.Ordinal))
            return new("share", false);
        if (path is "/healthz" or "/readyz")
            return new("health", false);
        if (path is "/metrics")
            return new("metrics", false);
        return new("web", path is "/upload/image" && HttpMethods.IsPost(method));
    }

    /// <summary>Whether a finished request completed a push through its door.</summary>
    public static bool IsPush(HttpRequest request, int status)
    {
        var path = request.Path.Value ?? "";
        return (HttpMethods.IsPut(request.Method) && status == 200 && path.StartsWith("/v2/imagefile/", StringComparison.Ordinal)
                && (path.EndsWith("/_complete", StringComparison.Ordinal) || path.EndsWith("/_multipart_complete", StringComparison.Ordinal)))
            || (HttpMethods.IsPost(request.Method) && status == 200 && path.StartsWith("/v1/imagefile/", StringComparison.Ordinal))
            || (HttpMethods.IsPost(request.Method) && status is >= 200 and < 300 && path is "/upload" or "/upload/image")
            || (HttpMethods.IsPut(request.Method) && status == 201 && path.StartsWith("/v2/", StringComparison.Ordinal) && path.Contains("/manifests/", StringComparison.Ordinal));
    }

    /// <summary>Whether a finished request served an image (or manifest) whole.</summary>
    public static bool IsPull(HttpRequest request, int status)
    {
        var path = request.Path.Value ?? "";
        return HttpMethods.IsGet(request.Method) && status == 200
            && (path.StartsWith("/v1/imagefile/", StringComparison.Ordinal)
                || path.StartsWith("/api/download/", StringComparison.Ordinal)
                || path.StartsWith("/share/", StringComparison.Ordinal)
                || (path.StartsWith("/v2/", StringComparison.Ordinal) && path.Contains("/manifests/", StringComparison.Ordinal)));
    }
}
