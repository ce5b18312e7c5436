using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SRegistry.Abstractions.Builds;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Builds;

/// <summary>Tells every <see cref="IBuildObserver"/> about a saved state change; an observer's failure never undoes or blocks the build.</summary>
/// <remarks>
/// Observers are resolved on first use rather than injected: they may depend on <c>ISourceConnections</c>,
/// which queues builds through the scheduler, which notifies through this class, a cycle the container refuses.
/// </remarks>
public sealed partial class BuildNotifier(IServiceProvider services, ILogger<BuildNotifier> logger)
{
    private IBuildObserver[]? _observers;

    /// <summary>Calls each observer in turn with the build's current state.</summary>
    public async Task NotifyAsync(Build build, CancellationToken cancellationToken)
    {
        var change = new BuildChange(build.Id, build.State, BuildRequests.From(build), build.ConnectionId, build.Message, BuildRequests.PagePath(build.Id));
        foreach (var observer in _observers ??= [.. services.GetServices<IBuildObserver>()])
        {
            try
            {
                await observer.OnBuildChangedAsync(change, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogObserverFailed(e, observer.GetType().Name, build.Id, build.State);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Build observer {Observer} failed for build {BuildId} ({State})")]
    private partial void LogObserverFailed(Exception exception, string observer, Guid buildId, BuildState state);
}
