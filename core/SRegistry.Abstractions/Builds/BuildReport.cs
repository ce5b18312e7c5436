namespace SRegistry.Abstractions.Builds;

/// <summary>A change in a build's state, sent by a backend to <see cref="IBuildReporter"/>.</summary>
/// <param name="BuildId">The id from <see cref="BuildJob.Id"/>.</param>
/// <param name="State">The new state.</param>
/// <param name="Message">A short human-readable reason, shown to users (no secrets).</param>
/// <param name="LogsUrl">Where the build's logs can be read, if anywhere.</param>
/// <param name="ImageDigest">The pushed image's <c>sha256:hex</c>, when <paramref name="State"/> is Success.</param>
public sealed record BuildReport(Guid BuildId, BuildState State, string? Message = null, Uri? LogsUrl = null, string? ImageDigest = null);
