using Microsoft.Extensions.Options;
using SRegistry.Core.GarbageCollection;

namespace SRegistry.Server.Operations;

/// <summary>
/// Runs a garbage collection every <c>GarbageCollection:Interval</c> (off when zero). Every instance
/// ticks, but only the one that takes the database lease for the period collects.
/// </summary>
public sealed partial class ScheduledGarbageCollection(
    IServiceScopeFactory scopes, IOptions<GarbageCollectionOptions> options, TimeProvider time, ILogger<ScheduledGarbageCollection> logger) : BackgroundService
{
    private const string LeaseName = "garbage-collection";
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        if (interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // A little shorter than the period, so the holder's own next tick finds it expired.
                if (!await scope.ServiceProvider.GetRequiredService<LeaseStore>().TryAcquireAsync(LeaseName, _holder, interval * 0.9, stoppingToken))
                    continue;
                var report = await scope.ServiceProvider.GetRequiredService<GarbageCollector>().RunAsync(dryRun: false, stoppingToken);
                LogCollected(report.Blobs.Count, report.Bytes, report.ExpiredUploads);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly unreachable must not stop the server; the next period tries again.
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Garbage collection deleted {Blobs} blobs ({Bytes} bytes) and {Uploads} expired uploads")]
    private partial void LogCollected(int blobs, long bytes, int uploads);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Garbage collection failed; the next period tries again")]
    private partial void LogFailed(Exception exception);
}
