namespace SRegistry.Abstractions.Builds;

/// <summary>A build's new state, as told to <see cref="IBuildObserver"/>.</summary>
/// <param name="BuildId">The build.</param>
/// <param name="State">The state it just entered.</param>
/// <param name="Request">What it builds.</param>
/// <param name="SourceConnectionId">The source repository connection that triggered it, if any.</param>
/// <param name="Message">A short reason shown to users (no secrets), if any.</param>
/// <param name="PagePath">The path of the build's page in the web interface, relative to the server's base URL.</param>
public sealed record BuildChange(Guid BuildId, BuildState State, BuildRequest Request, Guid? SourceConnectionId, string? Message, string PagePath);
