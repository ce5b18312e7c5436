using SRegistry.Server.Operations.Metrics;
using SRegistry.Server.Operations.RateLimiting;

namespace SRegistry.Server.Operations;

/// <summary>The server's operations features over HTTP: metrics, rate limits, scheduled garbage collection.</summary>
public static class OperationsHttpExtensions
{
    /// <summary>Registers metrics, rate limiting and the background jobs, with their options validated at start.</summary>
    public static IServiceCollection AddOperationsHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>()
            .Bind(configuration.GetSection(MetricsOptions.SectionName))
            .Validate(o => NetworkList.Parse(o.EffectiveAllowedNetworks, "Metrics:AllowedNetworks").Error is null, "Metrics:AllowedNetworks must list networks such as 127.0.0.0/8.")
            .ValidateOnStart();
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.SectionName))
            .Validate(o => o.Window >= TimeSpan.FromSeconds(1), "RateLimits:Window must be at least 00:00:01.")
            .Validate(o => o.ReadLimit > 0 && o.WriteLimit > 0, "RateLimits:ReadLimit and RateLimits:WriteLimit must be positive numbers of requests.")
            .Validate(o => NetworkList.Parse(o.ExemptNetworks, "RateLimits:ExemptNetworks").Error is null, "RateLimits:ExemptNetworks must list networks such as 10.0.0.0/8.")
            .ValidateOnStart();
        services.AddSingleton<ClientAddresses>();
        services.AddSingleton<RegistryMetrics>();
        services.AddSingleton<MetricsExposition>();
        services.AddHostedService<ScheduledGarbageCollection>();
        services.AddHostedService<RateLimitCounterPruner>();
        return services;
    }

    /// <summary>Counts every request (first, so refusals count too).</summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app) => app.UseMiddleware<MetricsMiddleware>();

    /// <summary>Refuses clients over their limit; after authentication, so signed-in users are counted as themselves.</summary>
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app) => app.UseMiddleware<RateLimitMiddleware>();
}
