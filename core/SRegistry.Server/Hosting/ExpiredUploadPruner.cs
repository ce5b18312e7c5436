using SRegistry.Core.Oci;
using SRegistry.Core.Persistence;
using SRegistry.Core.Uploads;

namespace SRegistry.Server.Hosting;

/// <summary>
/// Removes expired uploads of every door (library upload URLs and multipart parts, OCI upload sessions)
/// with their staged bytes, once a minute, so abandoned uploads do not fill the disk while nobody uploads.
/// Every instance runs the timer, but a lease in the database lets one instance at a time prune.
/// </summary>
public sealed partial class ExpiredUploadPruner(IServiceScopeFactory scopes, DatabaseLeases leases, TimeProvider time, ILogger<ExpiredUploadPruner> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    // Any constant shared by every instance; it names the lease, nothing else.
    private const long LeaseKey = 0x5352_6567_5072_756e;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var lease = await leases.TryAcquireAsync(LeaseKey, stoppingToken);
                if (lease is null)
                {
                    LogBusy();
                    continue;
                }
                await using var scope = scopes.CreateAsyncScope();
                var oci = await scope.ServiceProvider.GetRequiredService<OciBlobUploads>().PruneAsync(stoppingToken);
                var library = await scope.ServiceProvider.GetRequiredService<ImageUploadService>().PruneExpiredAsync(stoppingToken);
                if (library.Sessions + library.StagedUploads + oci > 0)
                    LogPruned(library.Sessions, oci, library.StagedUploads);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly unreachable must not stop the server; the next tick tries again.
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Sessions} expired library uploads, {OciUploads} expired OCI uploads and the staged bytes of {StagedUploads} uploads that are gone")]
    private partial void LogPruned(int sessions, int ociUploads, int stagedUploads);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another instance is pruning expired uploads; skipping this minute")]
    private partial void LogBusy();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning expired uploads failed; retrying in a minute")]
    private partial void LogFailed(Exception exception);
}
