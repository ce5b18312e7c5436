namespace SRegistry.Core.Storage;

/// <summary>Where <see cref="FileSystemBlobStore"/> keeps its files.</summary>
public sealed class FileSystemBlobStoreOptions
{
    /// <summary>
    /// The store's root directory; blobs go to <c>blobs/sha256/</c> and uploads in progress to
    /// <c>tmp/</c> below it, so both are on the same filesystem and publishing is a rename.
    /// </summary>
    public string Path { get; set; } = "";
}
