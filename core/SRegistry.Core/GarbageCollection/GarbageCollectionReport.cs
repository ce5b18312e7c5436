namespace SRegistry.Core.GarbageCollection;

/// <summary>What one collection removed, or in a dry run would remove.</summary>
/// <param name="DryRun">Whether anything was actually deleted.</param>
/// <param name="Blobs">The unreferenced blobs.</param>
/// <param name="ExpiredUploads">Expired upload sessions of every door (library and OCI).</param>
public sealed record GarbageCollectionReport(bool DryRun, IReadOnlyList<CollectedBlob> Blobs, int ExpiredUploads)
{
    /// <summary>The bytes the blobs took.</summary>
    public long Bytes => Blobs.Sum(b => b.Size);
}
