using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Storage;

/// <summary>
/// Uploads staged on a local (or shared) filesystem for stores that do not stage them themselves:
/// one file per upload, <c>&lt;directory&gt;/&lt;id&gt;/data</c>, with every piece written in place at
/// its offset. Publishing adopts the file into a <see cref="FileSystemBlobStore"/> by a rename, so the
/// bytes are written once; other stores get the file streamed into them.
/// </summary>
/// <remarks>
/// A lock file beside the data keeps a publication from taking the file while a piece is being
/// written into it: writers share the lock, the publication holds it alone until the file has moved,
/// and writers open the data only while holding the lock, so none can write into a published blob.
/// Pieces are not fsynced: the publication syncs the whole before it becomes a blob. It hashes the whole
/// too, unless this instance received every piece in order and nobody else wrote (<see cref="RunningUploadHashes"/>).
/// </remarks>
internal sealed class FileUploadStaging(string directory, IBlobStore store) : IUploadStaging
{
    private readonly RunningUploadHashes _runningHashes = new();

    public async Task<StagedPiece> WriteAsync(Guid uploadId, long offset, Stream content, long sizeLimit, bool digestPiece, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        Directory.CreateDirectory(DirectoryOf(uploadId));
        using var writing = TryLock(uploadId, exclusive: false)
            ?? throw new UploadStagingException("The upload is being finished; this piece arrived too late and was not kept.");
        var write = await CountWritesAsync(uploadId, bump: true, cancellationToken).ConfigureAwait(false);
        var running = _runningHashes.Take(uploadId, offset, write);
        using var piece = digestPiece ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        try
        {
            using var file = File.OpenHandle(DataOf(uploadId), FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            var hashes = new[] { piece, running?.Hash }.OfType<IncrementalHash>().ToArray();
            var size = await FileReceiver.ReceiveAsync(file, offset, content, sizeLimit, hashes, cancellationToken).ConfigureAwait(false);
            if (running is not null && size <= sizeLimit)
            {
                _runningHashes.Keep(uploadId, running, write, size);
                running = null;
            }
            return new StagedPiece(piece is null ? null : BlobDigest.FromHash(piece.GetHashAndReset()), size);
        }
        finally
        {
            running?.Dispose();
        }
    }

    public Task<long> LengthAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        var data = new FileInfo(DataOf(uploadId));
        return Task.FromResult(data.Exists ? data.Length : 0);
    }

    public async Task<BlobPutResult> PublishAsync(Guid uploadId, long size, BlobExpectation expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Directory.CreateDirectory(DirectoryOf(uploadId));
        using var publishing = TryLock(uploadId, exclusive: true)
            ?? throw new UploadStagingException("A piece of this upload is still arriving; wait for its answer, then finish the upload.");
        var data = DataOf(uploadId);
        var sized = expected with { Size = size };
        if (!File.Exists(data) || new FileInfo(data).Length != size)
        {
            // Bytes missing (or extra): hashed for the caller's message, never written anywhere.
            _runningHashes.Forget(uploadId);
            await using var partial = File.Exists(data) ? File.OpenRead(data) : Stream.Null;
            var (digest, received) = await ContentHash.ComputeAsync(partial, size, cancellationToken).ConfigureAwait(false);
            return new BlobPutResult(BlobPutOutcome.SizeMismatch, digest, received);
        }
        var writes = await CountWritesAsync(uploadId, bump: false, cancellationToken).ConfigureAwait(false);
        var hashed = _runningHashes.TakeDigest(uploadId, size, writes);
        return await FileSystemBlobStore.AdoptOrPutAsync(store, data, sized, hashed, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        _runningHashes.Forget(uploadId);
        try
        {
            Directory.Delete(DirectoryOf(uploadId), recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was staged, or another request removed it first.
        }
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<Guid> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var root = new DirectoryInfo(Root);
        if (!root.Exists) yield break;
        foreach (var upload in root.EnumerateDirectories())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Guid.TryParseExact(upload.Name, "N", out var uploadId)) yield return uploadId;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    // .NET takes an advisory flock on open (shared unless FileShare.None) and fails at once when it
    // cannot; a sharing violation is the only IOException opening this file can otherwise raise.
    private FileStream? TryLock(Guid uploadId, bool exclusive)
    {
        try
        {
            return new FileStream(Path.Combine(DirectoryOf(uploadId), "lock"), FileMode.OpenOrCreate, FileAccess.Read,
                exclusive ? FileShare.None : FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (IOException e) when (e is not (DirectoryNotFoundException or FileNotFoundException))
        {
            return null;
        }
    }

    // How many writes the upload has had, from any instance; with bump, this write is counted and its number returned.
    // The count is read and written under the counter file's own exclusive lock, which a network filesystem also
    // needs to show every instance the latest count. Writers hold it for microseconds, so a busy lock is retried.
    private async Task<long> CountWritesAsync(Guid uploadId, bool bump, CancellationToken cancellationToken)
    {
        var path = Path.Combine(DirectoryOf(uploadId), "writes");
        var count = new byte[sizeof(long)];
        for (var attempt = 1; ; attempt++)
        {
            FileStream counter;
            try
            {
                counter = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            }
            catch (IOException e) when (e is not (DirectoryNotFoundException or FileNotFoundException))
            {
                if (attempt == 1000) throw new UploadStagingException("The upload's write count stayed locked by another request; send this request again.");
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                continue;
            }
            using (counter)
            {
                var writes = RandomAccess.Read(counter.SafeFileHandle, count, 0) == count.Length ? BinaryPrimitives.ReadInt64LittleEndian(count) : 0;
                if (!bump) return writes;
                BinaryPrimitives.WriteInt64LittleEndian(count, ++writes);
                RandomAccess.Write(counter.SafeFileHandle, count, 0);
                return writes;
            }
        }
    }

    // Checked when first used, so a host that never stages (the admin command line) needs no directory.
    private string Root => string.IsNullOrWhiteSpace(directory)
        ? throw new InvalidOperationException("Uploads:Directory must name the directory where unfinished uploads wait (the host sets <data>/uploads).")
        : Path.GetFullPath(directory);

    private string DirectoryOf(Guid uploadId) => Path.Combine(Root, uploadId.ToString("N"));

    private string DataOf(Guid uploadId) => Path.Combine(DirectoryOf(uploadId), "data");
}
