namespace SRegistry.Server.Web;

/// <summary>
/// Headers every response carries: no framing (clickjacking), no MIME sniffing, no referrer leaking
/// share-link secrets to other sites, and a content security policy that allows only this origin's
/// scripts and styles.
/// </summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            // The API explorer ships its own inline bootstrap; everything else gets the strict policy.
            if (!context.Request.Path.StartsWithSegments("/api/docs"))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next(context);
        });
}
