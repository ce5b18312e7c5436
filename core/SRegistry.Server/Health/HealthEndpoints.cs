using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SRegistry.Server.Privacy;

namespace SRegistry.Server.Health;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the database and the blob store answer too.</summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddRegistryHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<BlobStoreHealthCheck>("storage", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapRegistryHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        // Probes need no account; they tell only whether the registry works, nothing of what it holds.
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).PublicInPrivateMode();
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReport,
        }).PublicInPrivateMode();
        return endpoints;
    }

    private static Task WriteReport(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        });
}
