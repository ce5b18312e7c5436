namespace SRegistry.Core.GarbageCollection;

/// <summary>Bound from <c>GarbageCollection</c>: when collections run by themselves and what they spare.</summary>
public sealed class GarbageCollectionOptions
{
    public const string SectionName = "GarbageCollection";

    /// <summary>How often one instance (holding a lease in the database) collects; zero = only by <c>admin gc</c>.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Blobs recorded or re-pushed within this time are spared even when nothing references them yet:
    /// it covers the moment between a put and the image, manifest or repository link that names it.
    /// </summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Blobs deleted per transaction; pushes wait for the exclusive lock at most one batch long.</summary>
    public int BatchSize { get; set; } = 200;
}
