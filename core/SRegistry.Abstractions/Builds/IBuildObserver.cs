namespace SRegistry.Abstractions.Builds;

/// <summary>
/// Told about every state a build enters (Queued, Working, Success, Failure, Cancelled), for example to
/// post commit statuses. Register with <see cref="RegistryServiceCollectionExtensions.AddBuildObserver{T}"/>.
/// </summary>
public interface IBuildObserver
{
    /// <summary>
    /// Called once per state change, on the server instance that made it, after the change is saved.
    /// Must not throw for an unreachable remote service (the core logs and ignores failures, but a slow
    /// observer delays whoever changed the state); must not change the build.
    /// </summary>
    Task OnBuildChangedAsync(BuildChange change, CancellationToken cancellationToken);
}
