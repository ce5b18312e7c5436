using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Builds;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Builds;

/// <summary>
/// Hands queued builds to the configured backend: at start (so builds queued before a restart run),
/// whenever this instance queues or frees a build, and every <see cref="BuildOptions.PollInterval"/>
/// for changes made by other instances. Every instance runs one; <see cref="BuildClaims"/> keeps them apart.
/// </summary>
public sealed partial class BuildDispatcher(
    IServiceScopeFactory scopes, ConfiguredBuildBackend configured, BuildNotifier notifier, BuildDispatchSignal signal,
    IOptions<BuildOptions> options, ILogger<BuildDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (configured.Backend is not { } backend)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchAsync(backend, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly unreachable must not stop dispatching; the next round tries again.
                LogRoundFailed(e);
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    private async Task DispatchAsync(IBuildBackend backend, CancellationToken cancellationToken)
    {
        IReadOnlyList<Build> abandoned, claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var claims = scope.ServiceProvider.GetRequiredService<BuildClaims>();
            abandoned = await claims.FailUnsubmittedAsync(cancellationToken);
            claimed = await claims.ClaimAsync(cancellationToken);
        }

        foreach (var build in abandoned)
            await notifier.NotifyAsync(build, cancellationToken);

        foreach (var build in claimed)
        {
            await notifier.NotifyAsync(build, cancellationToken);
            await SubmitAsync(backend, build, cancellationToken);
        }
    }

    private async Task SubmitAsync(IBuildBackend backend, Build build, CancellationToken cancellationToken)
    {
        string backendId;
        try
        {
            backendId = await backend.SubmitAsync(new BuildJob(build.Id, BuildRequests.From(build)), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSubmitFailed(e, build.Id);
            await FailAsync(build.Id, $"The build backend did not accept the build: {e.Message}", cancellationToken);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BuildClaims>().RecordBackendIdAsync(build.Id, backendId, cancellationToken);
        LogSubmitted(build.Id, backendId);
    }

    private async Task FailAsync(Guid buildId, string message, CancellationToken cancellationToken)
    {
        Build? failed;
        await using (var scope = scopes.CreateAsyncScope())
            failed = await scope.ServiceProvider.GetRequiredService<BuildTransitions>().MoveAsync(
                buildId, [BuildState.Working], BuildState.Failure, Actor.System, b => b.Message = message, cancellationToken);
        if (failed is not null)
        {
            await notifier.NotifyAsync(failed, cancellationToken);
            signal.Raise();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Build {BuildId} submitted to the backend as {BackendId}")]
    private partial void LogSubmitted(Guid buildId, string backendId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The build backend refused build {BuildId}")]
    private partial void LogSubmitFailed(Exception exception, Guid buildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A build dispatch round failed; trying again")]
    private partial void LogRoundFailed(Exception exception);
}
