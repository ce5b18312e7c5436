namespace SRegistry.Abstractions.Builds;

/// <summary>A change in a build's state, sent by a backend to <see cref="IBuildReporter"/>.</summary>
/// <param name="BuildId">The id from <see cref="BuildJob.Id"/>.</param>
/// <param name="State">The new state.</param>
/// <param name="Message">A short human-readable reason, shown to users (no secrets).</param>
/// <param name="LogsUrl">Where the build's logs can be read, if anywhere.</param>
/// <param name="ImageDigest">Unused since a build succeeds only through <see cref="IBuildReporter.ImportImageAsync"/>; kept so backends built against contract 1.0 still compile.</param>
public sealed record BuildReport(Guid BuildId, BuildState State, string? Message = null, Uri? LogsUrl = null, string? ImageDigest = null);
