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
            // The first round looks at the builds of earlier runs (some may have ended meanwhile),
            // later rounds at every build still watched.
            var due = recovered ? completion.Watched : await RecoverAsync(stoppingToken).ConfigureAwait(false);
            recovered |= due is not null;
            foreach (var id in due ?? []) await TryAsync(id, () => completion.CheckAsync(id, stoppingToken), stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<IReadOnlyCollection<string>?> RecoverAsync(CancellationToken stoppingToken)
    {
        IReadOnlyCollection<string>? found = null;
        await TryAsync(null, async () => found = await completion.RecoverAsync(stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
        return found;
    }

    private async Task TryAsync(string? cloudBuildId, Func<Task> action, CancellationToken stoppingToken)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // Google or the registry being briefly unavailable must not stop polling, nor one bad
            // build the others; the next tick retries.
            logger.LogWarning(e, "Polling Google Cloud Build ({CloudBuildId}) failed; retrying in {PollInterval}", cloudBuildId ?? "recovery", options.Value.PollInterval);
        }
    }
}
