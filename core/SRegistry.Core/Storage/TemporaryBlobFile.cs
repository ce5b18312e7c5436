using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Storage;

/// <summary>
/// An upload in progress: content streamed to a file in the store's tmp/ directory, hashed on the
/// way, flushed to disk, and either published by rename or deleted on dispose.
/// </summary>
internal sealed class TemporaryBlobFile : IDisposable
{
    private readonly string _path;
    private bool _published;

    private TemporaryBlobFile(string path) => _path = path;

    public BlobDigest Digest { get; private set; }

    /// <summary>Bytes received; when the size limit was exceeded, the bytes read before stopping.</summary>
    public long Size { get; private set; }

    /// <summary>
    /// Streams <paramref name="content"/> into a new file at <paramref name="path"/>. Stops reading
    /// (without writing the excess) once more than <paramref name="sizeLimit"/> bytes have arrived.
    /// On any exception the file is gone when this returns.
    /// </summary>
    public static async Task<TemporaryBlobFile> ReceiveAsync(Stream content, string path, long? sizeLimit, CancellationToken cancellationToken)
    {
        var upload = new TemporaryBlobFile(path);
        try
        {
            await upload.WriteAsync(content, sizeLimit, cancellationToken).ConfigureAwait(false);
            return upload;
        }
        catch
        {
            upload.Dispose();
            throw;
        }
    }

    private async Task WriteAsync(Stream content, long? sizeLimit, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(_path, FileOptionsFor(sizeLimit));
        (Digest, Size) = await FileReceiver.ReceiveAsync(file.SafeFileHandle, 0, content, sizeLimit, cancellationToken).ConfigureAwait(false);
        file.Flush(flushToDisk: true);
    }

    private static FileStreamOptions FileOptionsFor(long? expectedSize)
    {
        // Reserving the declared size up front fails at once, not after gigabytes, when the disk is too full.
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 0,
            PreallocationSize = expectedSize ?? 0,
        };
        // Created read-only (the open handle can still write), so the published blob needs no chmod.
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        return options;
    }

    /// <summary>
    /// Publishes the file at <paramref name="target"/> unless a file is already there.
    /// Returns false, leaving the existing file untouched, when one is.
    /// </summary>
    public bool TryPublish(string target)
    {
        _published = TryMoveIntoPlace(_path, target);
        return _published;
    }

    /// <summary>
    /// Renames a synced file to <paramref name="target"/> unless a file is already there, creating the
    /// fan-out directory if needed and making the rename durable. False, changing nothing, when one is.
    /// </summary>
    public static bool TryMoveIntoPlace(string source, string target)
    {
        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            PosixFileSystem.SyncDirectory(Path.GetDirectoryName(directory)!);
        }
        if (!PosixFileSystem.TryRenameNoReplace(source, target)) return false;
        PosixFileSystem.SyncDirectory(directory);
        return true;
    }

    public void Dispose()
    {
        if (!_published) File.Delete(_path);
    }
}
