using SRegistry.Core.Oci;
using SRegistry.Core.Uploads;

namespace SRegistry.Server.Hosting;

/// <summary>
/// Removes expired uploads of every door (library upload URLs and multipart parts, OCI upload sessions)
/// with their files, once a minute, so abandoned uploads do not fill the disk while nobody uploads.
/// Each instance runs it; pruning is safe to run concurrently.
/// </summary>
public sealed partial class ExpiredUploadPruner(IServiceScopeFactory scopes, TimeProvider time, ILogger<ExpiredUploadPruner> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var library = await scope.ServiceProvider.GetRequiredService<ImageUploadService>().PruneExpiredAsync(stoppingToken);
                var oci = await scope.ServiceProvider.GetRequiredService<OciBlobUploads>().PruneAsync(stoppingToken);
                if (library.Sessions + library.PartDirectories + oci > 0)
                    LogPruned(library.Sessions, library.PartDirectories, oci);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly unreachable must not stop the server; the next tick tries again.
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Sessions} expired library uploads, {PartDirectories} orphaned part directories and {OciFiles} abandoned OCI upload files")]
    private partial void LogPruned(int sessions, int partDirectories, int ociFiles);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning expired uploads failed; retrying in a minute")]
    private partial void LogFailed(Exception exception);
}
