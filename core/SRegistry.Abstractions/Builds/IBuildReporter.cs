using SRegistry.Abstractions.Storage;

namespace SRegistry.Abstractions.Builds;

/// <summary>Where backends report what happened to a build. Provided by the core.</summary>
public interface IBuildReporter
{
    /// <summary>
    /// Records a state change. Reports for unknown builds and reports after a final state are
    /// ignored, so a backend may safely report the same state twice. Queued and Success are ignored
    /// too: a build succeeds only when its image is imported (<see cref="ImportImageAsync"/>).
    /// </summary>
    Task ReportAsync(BuildReport report, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a finished build's SIF image (streamed, verified against <paramref name="digest"/> and
    /// <paramref name="size"/>), records it in the build's destination container under the build's
    /// tag with its SIF metadata, and marks the build Success. Backends call this instead of
    /// reporting Success themselves.
    /// </summary>
    Task<BuildImageImport> ImportImageAsync(Guid buildId, Stream image, BlobDigest digest, long size, CancellationToken cancellationToken);
}
