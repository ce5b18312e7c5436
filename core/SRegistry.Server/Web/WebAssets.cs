using System.Reflection;
using SRegistry.Server.Privacy;

namespace SRegistry.Server.Web;

/// <summary>
/// The interface's stylesheet and script, embedded in the server assembly so the registry needs no
/// web root on disk: <c>GET /assets/site.css</c> and <c>/assets/site.js</c>.
/// </summary>
public static class WebAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["site.css"] = "text/css; charset=utf-8",
        ["site.js"] = "text/javascript; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapWebAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assets/{name}", (HttpContext context, string name) =>
        {
            if (!ContentTypes.TryGetValue(name, out var contentType))
                return Results.NotFound();
            var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SRegistry.Server.Web.Assets." + name)!;
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Stream(stream, contentType);
        }).ExcludeFromDescription().PublicInPrivateMode(); // The sign-in page's stylesheet and script.
        return endpoints;
    }
}
