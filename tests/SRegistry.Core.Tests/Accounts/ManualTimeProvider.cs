namespace SRegistry.Core.Tests.Accounts;

/// <summary>A clock that moves only when a test says so (expiry and last-used rules depend on time).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
