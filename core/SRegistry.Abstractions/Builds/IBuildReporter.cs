namespace SRegistry.Abstractions.Builds;

/// <summary>Where backends report what happened to a build. Provided by the core.</summary>
public interface IBuildReporter
{
    /// <summary>
    /// Records a state change. Reports for unknown builds and reports after a final state are
    /// ignored, so a backend may safely report the same state twice.
    /// </summary>
    Task ReportAsync(BuildReport report, CancellationToken cancellationToken);
}
