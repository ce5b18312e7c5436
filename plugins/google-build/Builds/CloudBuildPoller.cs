using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Builds;

namespace SRegistry.Plugins.GoogleBuild.Builds;

/// <summary>
/// The fallback when no callback arrives: every poll interval, looks at each unfinished build. First
/// rebuilds the watched set from Cloud Build, so builds survive a restart. Idle unless configuration
/// chose this plugin's backend (<c>Builds:Provider = google-cloud-build</c>).
/// </summary>
public sealed class CloudBuildPoller(
    IEnumerable<IBuildBackend> backends,
    CloudBuildCompletion completion,
    IOptions<GoogleBuildOptions> options,
    TimeProvider clock,
    ILogger<CloudBuildPoller> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The core registers the chosen backend only; anything else means this plugin only stores blobs.
        if (!backends.OfType<CloudBuildBackend>().Any()) return;
        var recovered = false;
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            recovered = recovered || await TryAsync(null, () => completion.RecoverAsync(stoppingToken), stoppingToken).ConfigureAwait(false);
            foreach (var id in completion.Watched) await TryAsync(id, () => completion.CheckAsync(id, stoppingToken), stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<bool> TryAsync(string? cloudBuildId, Func<Task> action, CancellationToken stoppingToken)
    {
        try
        {
            await action().ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // Google or the registry being briefly unavailable must not stop polling, nor one bad
            // build the others; the next tick retries.
            logger.LogWarning(e, "Polling Google Cloud Build ({CloudBuildId}) failed; retrying in {PollInterval}", cloudBuildId ?? "recovery", options.Value.PollInterval);
            return false;
        }
    }
}
