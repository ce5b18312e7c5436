namespace SRegistry.Abstractions.Builds;

/// <summary>A build handed to a backend.</summary>
/// <param name="Id">The core's id for the build; every report names it.</param>
/// <param name="Request">What to build.</param>
public sealed record BuildJob(Guid Id, BuildRequest Request);
