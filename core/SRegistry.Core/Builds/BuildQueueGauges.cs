using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions.Builds;
using SRegistry.Core.Metrics;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Builds;

/// <summary>The builds queue on <c>/metrics</c>: counted in the database, so every instance reports the whole queue.</summary>
public static class BuildQueueGauges
{
    public static void Register(MetricGauges gauges)
    {
        gauges.Register("sregistry_builds_queued", "Builds waiting for a free slot.", (services, ct) => CountAsync(services, BuildState.Queued, ct));
        gauges.Register("sregistry_builds_working", "Builds handed to the backend and not finished.", (services, ct) => CountAsync(services, BuildState.Working, ct));
    }

    private static async Task<double> CountAsync(IServiceProvider services, BuildState state, CancellationToken cancellationToken) =>
        await services.GetRequiredService<RegistryDbContext>().Builds.CountAsync(b => b.State == state, cancellationToken);
}
