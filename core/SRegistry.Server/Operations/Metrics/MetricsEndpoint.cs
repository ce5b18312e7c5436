using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Hosting;

namespace SRegistry.Server.Operations.Metrics;

/// <summary><c>GET /metrics</c>: for allowed networks, or anyone presenting the metrics token; 403 for everyone else.</summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (HttpContext context, IOptions<MetricsOptions> options, ClientAddresses clients, MetricsExposition exposition) =>
        {
            var settings = options.Value;
            if (!settings.Enabled) return Results.NotFound();
            if (!MayRead(context, settings, clients))
            {
                return Results.Text(
                    "Metrics are served to the networks in Metrics:AllowedNetworks, or with 'Authorization: Bearer <Metrics:Token>'.\n",
                    "text/plain", statusCode: StatusCodes.Status403Forbidden);
            }

            return Results.Text(await exposition.WriteAsync(context.RequestAborted), PrometheusText.ContentType);
        }).WithMetadata(new PublicInPrivateModeAttribute()) // scrapers do not sign in: networks or token decide
            .ExcludeFromDescription();
        return endpoints;
    }

    private static bool MayRead(HttpContext context, MetricsOptions settings, ClientAddresses clients)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (settings.Token.Length > 0 && header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            var presented = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
            if (CryptographicOperations.FixedTimeEquals(SHA256.HashData(presented), SHA256.HashData(Encoding.UTF8.GetBytes(settings.Token))))
                return true;
        }

        var allowed = NetworkList.Parse(settings.EffectiveAllowedNetworks, "Metrics:AllowedNetworks").List;
        return allowed is not null && allowed.Contains(clients.Of(context));
    }
}
