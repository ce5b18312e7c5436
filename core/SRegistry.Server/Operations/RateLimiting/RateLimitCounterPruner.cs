using Microsoft.Extensions.Options;
using SRegistry.Core.RateLimiting;

namespace SRegistry.Server.Operations.RateLimiting;

/// <summary>Deletes finished rate-limit windows once per window. Each instance runs it; deleting twice is harmless.</summary>
public sealed partial class RateLimitCounterPruner(
    IServiceScopeFactory scopes, IOptions<RateLimitOptions> options, TimeProvider time, ILogger<RateLimitCounterPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var window = options.Value.Window;
        using var timer = new PeriodicTimer(window, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RateLimitCounters>().PruneAsync(time.GetUtcNow() - (2 * window), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing finished rate-limit windows failed; retrying next window")]
    private partial void LogFailed(Exception exception);
}
