namespace SRegistry.Abstractions.Builds;

/// <summary>
/// Runs builds somewhere (Google Cloud Build, a local builder, …). Configuration picks one with
/// <c>Builds:Provider</c>; register it with
/// <see cref="RegistryServiceCollectionExtensions.AddBuildBackend"/>.
/// </summary>
public interface IBuildBackend
{
    /// <summary>
    /// Starts the build and returns the backend's own id for it. Must return once the backend has
    /// accepted the job (not when it finishes) and report every later state through
    /// <see cref="IBuildReporter"/>. Must not put credentials into the build definition.
    /// </summary>
    Task<string> SubmitAsync(BuildJob job, CancellationToken cancellationToken);

    /// <summary>Asks the backend to stop the build with that backend id; a finished build is left alone.</summary>
    Task CancelAsync(string backendBuildId, CancellationToken cancellationToken);
}
