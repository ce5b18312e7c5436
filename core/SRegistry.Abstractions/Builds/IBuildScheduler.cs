namespace SRegistry.Abstractions.Builds;

/// <summary>
/// The core's build queue, called by triggers (webhooks, the web UI, the API). It records each
/// build, limits how many run at once and hands them to the configured <see cref="IBuildBackend"/>.
/// </summary>
public interface IBuildScheduler
{
    /// <summary>Records a build as queued and returns its id. Survives a server restart.</summary>
    Task<Guid> EnqueueAsync(BuildRequest request, CancellationToken cancellationToken);

    /// <summary>Cancels a queued or running build. Returns false when it is unknown or already final.</summary>
    Task<bool> CancelAsync(Guid buildId, CancellationToken cancellationToken);
}
