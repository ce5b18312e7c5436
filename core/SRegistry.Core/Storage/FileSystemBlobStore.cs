using Microsoft.Win32.SafeHandles;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Storage;

/// <summary>
/// Blobs as files under <c>&lt;Path&gt;/blobs/sha256/&lt;first 2 hex&gt;/&lt;hex&gt;</c>. Uploads go to
/// <c>&lt;Path&gt;/tmp/</c>, are fsynced, and are published by a rename that never overwrites,
/// followed by an fsync of the directory; published files are read-only.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore, IBlobInventory
{
    /// <summary>The <c>Storage:Provider</c> value that selects this store.</summary>
    public const string ProviderKey = "filesystem";

    /// <summary>Temporary files untouched for this long belong to uploads that died with their process.</summary>
    private static readonly TimeSpan AbandonedUploadAge = TimeSpan.FromDays(1);

    // EXDEV: rename(2) cannot move a file to another filesystem.
    private const int CrossDeviceLink = 18;

    private readonly string _blobRoot;
    private readonly string _tempRoot;

    /// <summary>Creates the store, creating its directories if needed and removing abandoned temporary files.</summary>
    public FileSystemBlobStore(FileSystemBlobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
            throw new ArgumentException("FileSystemBlobStoreOptions.Path must name the directory that holds the blobs.", nameof(options));
        var root = System.IO.Path.GetFullPath(options.Path);
        _blobRoot = System.IO.Path.Combine(root, "blobs", "sha256");
        _tempRoot = System.IO.Path.Combine(root, "tmp");
        Directory.CreateDirectory(_blobRoot);
        Directory.CreateDirectory(_tempRoot);
        RemoveAbandonedUploads();
    }

    /// <inheritdoc />
    public async Task<BlobPutResult> PutAsync(Stream content, BlobExpectation expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(expected);
        if (expected.Size is < 0) throw new ArgumentOutOfRangeException(nameof(expected), "The expected size cannot be negative.");

        // A re-push of a blob already here needs its bytes checked, not written again.
        if (expected.Digest is { } known && File.Exists(PathOf(known)))
        {
            var (digest, size) = await ContentHash.ComputeAsync(content, expected.Size, cancellationToken).ConfigureAwait(false);
            return new BlobPutResult(Mismatch(expected, digest, size) ?? BlobPutOutcome.AlreadyPresent, digest, size);
        }

        var tempPath = System.IO.Path.Combine(_tempRoot, Guid.NewGuid().ToString("N"));
        using var upload = await TemporaryBlobFile.ReceiveAsync(content, tempPath, expected.Size, cancellationToken).ConfigureAwait(false);
        var outcome = Mismatch(expected, upload.Digest, upload.Size)
            ?? (upload.TryPublish(PathOf(upload.Digest)) ? BlobPutOutcome.Stored : BlobPutOutcome.AlreadyPresent);
        return new BlobPutResult(outcome, upload.Digest, upload.Size);
    }

    /// <summary>
    /// Makes a finished file (a staged upload) the blob without writing its bytes again: hashes it, checks
    /// it against <paramref name="expected"/>, syncs it and renames it into place. On a mismatch, or when
    /// the blob is already here, the file stays where it is. A file on another filesystem is streamed in.
    /// <paramref name="hashedWhenWritten"/> is the sha256 of a file whose every byte the caller hashed as it wrote it
    /// (a spooled push, or a staged upload no one else wrote): it is trusted, so the file is not read again.
    /// </summary>
    internal async Task<BlobPutResult> AdoptAsync(string path, BlobExpectation expected, BlobDigest? hashedWhenWritten, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var (digest, size) = hashedWhenWritten is { } known
            ? (known, file.Length)
            : await ContentHash.ComputeAsync(file, expected.Size, cancellationToken).ConfigureAwait(false);
        if (Mismatch(expected, digest, size) is { } mismatch)
            return new BlobPutResult(mismatch, digest, size);
        var target = PathOf(digest);
        if (File.Exists(target))
            return new BlobPutResult(BlobPutOutcome.AlreadyPresent, digest, size);

        file.Flush(flushToDisk: true);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        try
        {
            return new BlobPutResult(TemporaryBlobFile.TryMoveIntoPlace(path, target) ? BlobPutOutcome.Stored : BlobPutOutcome.AlreadyPresent, digest, size);
        }
        catch (IOException e) when (e.HResult == CrossDeviceLink)
        {
            file.Position = 0;
            return await PutAsync(file, expected, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A finished file put into <paramref name="store"/>: adopted when it is a filesystem store, else read into it.</summary>
    internal static async Task<BlobPutResult> AdoptOrPutAsync(
        IBlobStore store, string path, BlobExpectation expected, BlobDigest? hashedWhenWritten, CancellationToken cancellationToken)
    {
        if (store is FileSystemBlobStore files)
            return await files.AdoptAsync(path, expected, hashedWhenWritten, cancellationToken).ConfigureAwait(false);
        await using var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        return await store.PutAsync(content, expected, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(BlobDigest digest, long offset, long? length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is < 0) throw new ArgumentOutOfRangeException(nameof(length), "The length cannot be negative.");
        cancellationToken.ThrowIfCancellationRequested();

        SafeFileHandle file;
        try
        {
            file = File.OpenHandle(PathOf(digest), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }

        var size = RandomAccess.GetLength(file);
        var start = Math.Min(offset, size);
        var available = size - start;
        return Task.FromResult<Stream?>(new BlobFileReadStream(file, start, Math.Min(length ?? available, available)));
    }

    /// <inheritdoc />
    public Task<BlobInfo?> GetInfoAsync(BlobDigest digest, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(digest));
        // A published file is never written again, so its modification time is when it was received.
        return Task.FromResult(file.Exists ? new BlobInfo(digest, file.Length, new DateTimeOffset(file.LastWriteTimeUtc)) : null);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(BlobDigest digest, CancellationToken cancellationToken) =>
        Task.FromResult(PosixFileSystem.Unlink(PathOf(digest)));

    /// <inheritdoc />
    public async IAsyncEnumerable<BlobInfo> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in new DirectoryInfo(_blobRoot).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Only names that are digests in their own fan-out directory are blobs; anything else is not ours to list.
            if (!BlobDigest.TryParse(file.Name, out var digest) || file.Directory?.Name != file.Name[..2]) continue;
            yield return new BlobInfo(digest, file.Length, new DateTimeOffset(file.LastWriteTimeUtc));
        }

        await Task.CompletedTask;
    }

    private static BlobPutOutcome? Mismatch(BlobExpectation expected, BlobDigest digest, long size) =>
        expected.Size is { } expectedSize && expectedSize != size ? BlobPutOutcome.SizeMismatch
        : expected.Digest is { } expectedDigest && expectedDigest != digest ? BlobPutOutcome.DigestMismatch
        : null;

    private void RemoveAbandonedUploads()
    {
        var cutoff = DateTime.UtcNow - AbandonedUploadAge;
        foreach (var file in new DirectoryInfo(_tempRoot).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < cutoff) file.Delete();
        }
    }

    private string PathOf(BlobDigest digest)
    {
        var hex = digest.Hex ?? throw new ArgumentException("The digest is empty (default(BlobDigest)).", nameof(digest));
        return System.IO.Path.Combine(_blobRoot, hex[..2], hex);
    }
}
