using Microsoft.Extensions.Diagnostics.HealthChecks;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Server.Health;

/// <summary>Ready only while the blob store answers a lookup (a missing blob is a fine answer; a failure is not).</summary>
public sealed class BlobStoreHealthCheck(IBlobStore store) : IHealthCheck
{
    // The digest of empty content: any store can look it up without side effects.
    private static readonly BlobDigest Probe = BlobDigest.Parse("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetInfoAsync(Probe, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or HttpRequestException)
        {
            return HealthCheckResult.Unhealthy("The blob store does not answer.", exception);
        }
    }
}
