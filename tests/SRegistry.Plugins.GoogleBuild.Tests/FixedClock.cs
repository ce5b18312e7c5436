namespace SRegistry.Plugins.GoogleBuild.Tests;

/// <summary>A clock stopped at a chosen instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
