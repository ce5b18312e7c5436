using Microsoft.Extensions.Diagnostics.HealthChecks;
using SRegistry.Core.Persistence;

namespace SRegistry.Server.Health;

/// <summary>Ready only while the metadata database answers.</summary>
public sealed class DatabaseHealthCheck(RegistryDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not accept connections.");
}
