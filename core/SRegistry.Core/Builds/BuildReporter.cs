using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Builds;

/// <summary>
/// Where backends report. Reports and imports for builds that are unknown or already final change
/// nothing, so a backend may repeat itself, and a build cancelled meanwhile stays cancelled. A Working
/// build keeps accepting reports after a server restart: its state is in the database.
/// </summary>
public sealed partial class BuildReporter(IServiceScopeFactory scopes, BuildNotifier notifier, BuildDispatchSignal signal, ILogger<BuildReporter> logger)
    : IBuildReporter
{
    private static readonly BuildState[] Open = [BuildState.Queued, BuildState.Working];

    /// <inheritdoc />
    public async Task ReportAsync(BuildReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        // Queued is the scheduler's to set, and Success is an imported image's (ImportImageAsync).
        if (report.State is BuildState.Queued or BuildState.Success)
        {
            LogIgnored(report.BuildId, report.State);
            return;
        }

        Build? changed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var transitions = scope.ServiceProvider.GetRequiredService<BuildTransitions>();
            if (report.State == BuildState.Working)
            {
                await UpdateDetailsAsync(scope.ServiceProvider.GetRequiredService<RegistryDbContext>(), report, cancellationToken);
                return;
            }

            changed = await transitions.MoveAsync(report.BuildId, Open, report.State, Actor.System, b =>
            {
                b.Message = report.Message ?? b.Message;
                b.LogsUrl = report.LogsUrl?.ToString() ?? b.LogsUrl;
            }, cancellationToken);
        }

        if (changed is null)
        {
            LogIgnored(report.BuildId, report.State);
            return;
        }

        await notifier.NotifyAsync(changed, cancellationToken);
        signal.Raise();
    }

    /// <inheritdoc />
    public async Task<BuildImageImport> ImportImageAsync(Guid buildId, Stream image, BlobDigest digest, long size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        Build? finished;
        BuildImageImporter.Outcome outcome;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var build = await db.Builds.AsNoTracking().SingleOrDefaultAsync(b => b.Id == buildId, cancellationToken);
            if (build is null || build.State != BuildState.Working)
            {
                LogIgnored(buildId, BuildState.Success);
                return BuildImageImport.NotAccepted;
            }

            outcome = await scope.ServiceProvider.GetRequiredService<BuildImageImporter>().ImportAsync(build, image, digest, size, cancellationToken);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var transitions = scope.ServiceProvider.GetRequiredService<BuildTransitions>();
            finished = outcome.Result == BuildImageImport.Imported
                ? await transitions.MoveAsync(buildId, [BuildState.Working], BuildState.Success, Actor.System, b =>
                {
                    b.ImageId = outcome.ImageId;
                    b.ImageDigest = digest.Hex;
                    b.Message = null;
                }, cancellationToken)
                : await transitions.MoveAsync(buildId, [BuildState.Working], BuildState.Failure, Actor.System, b => b.Message = outcome.Failure, cancellationToken);

            // Tagged only once the build is a success: a build cancelled during the import moves no tag.
            if (finished is { State: BuildState.Success }
                && await scope.ServiceProvider.GetRequiredService<BuildImageImporter>().TagAsync(finished, outcome.ImageId!.Value, cancellationToken) is { } untagged)
            {
                finished = await transitions.MoveAsync(buildId, [BuildState.Success], BuildState.Failure, Actor.System, b => b.Message = untagged, cancellationToken);
                outcome = outcome with { Result = BuildImageImport.NotAccepted };
            }
        }

        if (finished is null)
            return BuildImageImport.NotAccepted;
        await notifier.NotifyAsync(finished, cancellationToken);
        signal.Raise();
        return outcome.Result;
    }

    private static Task UpdateDetailsAsync(RegistryDbContext db, BuildReport report, CancellationToken cancellationToken) =>
        db.Builds.Where(b => b.Id == report.BuildId && b.State == BuildState.Working)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Message, b => report.Message ?? b.Message)
                .SetProperty(b => b.LogsUrl, b => report.LogsUrl != null ? report.LogsUrl.ToString() : b.LogsUrl), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a {State} report for build {BuildId}: unknown or already final")]
    private partial void LogIgnored(Guid buildId, BuildState state);
}
