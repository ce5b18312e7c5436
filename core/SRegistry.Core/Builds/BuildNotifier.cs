using Microsoft.Extensions.Logging;
using SRegistry.Abstractions.Builds;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Builds;

/// <summary>Tells every <see cref="IBuildObserver"/> about a saved state change; an observer's failure never undoes or blocks the build.</summary>
public sealed partial class BuildNotifier(IEnumerable<IBuildObserver> observers, ILogger<BuildNotifier> logger)
{
    /// <summary>Calls each observer in turn with the build's current state.</summary>
    public async Task NotifyAsync(Build build, CancellationToken cancellationToken)
    {
        var change = new BuildChange(build.Id, build.State, BuildRequests.From(build), build.ConnectionId, build.Message, BuildRequests.PagePath(build.Id));
        foreach (var observer in observers)
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
