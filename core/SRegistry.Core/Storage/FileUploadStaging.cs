using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
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
/// Pieces are not fsynced: the publication hashes the whole and syncs it before it becomes a blob.
/// </remarks>
internal sealed class FileUploadStaging(string directory, IBlobStore store) : IUploadStaging
{
    private const int ChunkSize = 1 << 20;
    private const int WritebackWindow = 8 << 20;

    public async Task<StagedPiece> WriteAsync(Guid uploadId, long offset, Stream content, long sizeLimit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        Directory.CreateDirectory(DirectoryOf(uploadId));
        using var writing = TryLock(uploadId, exclusive: false)
            ?? throw new UploadStagingException("The upload is being finished; this piece arrived too late and was not kept.");
        using var file = File.OpenHandle(DataOf(uploadId), FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        return await WriteAtAsync(file, offset, content, sizeLimit, cancellationToken).ConfigureAwait(false);
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
            await using var partial = File.Exists(data) ? File.OpenRead(data) : Stream.Null;
            var (digest, received) = await ContentHash.ComputeAsync(partial, size, cancellationToken).ConfigureAwait(false);
            return new BlobPutResult(BlobPutOutcome.SizeMismatch, digest, received);
        }
        return await FileSystemBlobStore.AdoptOrPutAsync(store, data, sized, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAsync(Guid uploadId, CancellationToken cancellationToken)
    {
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

    // Two buffers: while one is written at its offset, the next is received and hashed; every few MiB
    // the kernel is asked to start writing to disk, so the publication's fsync has little left to do.
    private static async Task<StagedPiece> WriteAtAsync(SafeFileHandle file, long offset, Stream content, long sizeLimit, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffers = new[] { ArrayPool<byte>.Shared.Rent(ChunkSize), ArrayPool<byte>.Shared.Rent(ChunkSize) };
        var pendingWrite = Task.CompletedTask;
        long size = 0, writtenBack = 0;
        try
        {
            for (var current = 0; size <= sizeLimit; current ^= 1)
            {
                var buffer = buffers[current];
                var want = (int)Math.Min(ChunkSize, sizeLimit + 1 - size);
                var read = await content.ReadAtLeastAsync(buffer.AsMemory(0, want), want, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                hash.AppendData(buffer, 0, read);
                await pendingWrite.ConfigureAwait(false);
                if (size - writtenBack >= WritebackWindow)
                {
                    PosixFileSystem.StartWriteback(file, offset + writtenBack, size - writtenBack);
                    writtenBack = size;
                }
                var keep = (int)Math.Min(read, sizeLimit - size);
                pendingWrite = keep > 0 ? RandomAccess.WriteAsync(file, buffer.AsMemory(0, keep), offset + size, cancellationToken).AsTask() : Task.CompletedTask;
                size += read;
                if (read < want) break;
            }
            await pendingWrite.ConfigureAwait(false);
            return new StagedPiece(BlobDigest.FromHash(hash.GetHashAndReset()), size);
        }
        finally
        {
            // The buffers go back to the pool only once no write is using them.
            await pendingWrite.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }
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

    // Checked when first used, so a host that never stages (the admin command line) needs no directory.
    private string Root => string.IsNullOrWhiteSpace(directory)
        ? throw new InvalidOperationException("Uploads:Directory must name the directory where unfinished uploads wait (the host sets <data>/uploads).")
        : Path.GetFullPath(directory);

    private string DirectoryOf(Guid uploadId) => Path.Combine(Root, uploadId.ToString("N"));

    private string DataOf(Guid uploadId) => Path.Combine(DirectoryOf(uploadId), "data");
}
