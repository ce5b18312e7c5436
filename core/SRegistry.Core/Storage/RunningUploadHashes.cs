using System.Collections.Concurrent;
using System.Security.Cryptography;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Storage;

/// <summary>
/// The sha256 of staged uploads whose pieces this instance received one after another from offset 0 (OCI
/// chunks, multipart parts sent in order), so that publishing one need not read its file again.
/// </summary>
/// <remarks>
/// The hash is only as good as the proof that nobody else wrote the file. Every write, on any instance, first
/// takes the next number from the upload's write count; a hash is carried on only by the write numbered right
/// after its last one, at the offset where it ends, and is trusted at publication only when the count has not
/// moved since. A write from another instance or request (two PATCHes racing at one offset, a part sent again)
/// therefore makes the publication read the file, as it would without this class.
/// </remarks>
internal sealed class RunningUploadHashes
{
    // An upload left idle this long has probably been abandoned; dropping its hash only costs a read.
    private static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<Guid, RunningHash> _hashes = new();

    /// <summary>
    /// The hash for write number <paramref name="write"/> of the upload, at <paramref name="offset"/>, to append to; null when that write
    /// does not continue one. The caller owns it: <see cref="Keep"/> it once the write succeeded, else dispose of it.
    /// </summary>
    public RunningHash? Take(Guid uploadId, long offset, long write)
    {
        if (_hashes.TryRemove(uploadId, out var running))
        {
            if (running.Length == offset && running.Writes == write - 1) return running;
            running.Dispose();
        }
        return write == 1 && offset == 0 ? new RunningHash() : null;
    }

    /// <summary>Keeps <paramref name="running"/> after write number <paramref name="write"/> appended <paramref name="size"/> bytes to it.</summary>
    public void Keep(Guid uploadId, RunningHash running, long write, long size)
    {
        running.Length += size;
        running.Writes = write;
        running.LastUsed = Environment.TickCount64;
        if (running.Length == size) DropIdle();
        if (!_hashes.TryAdd(uploadId, running)) running.Dispose();
    }

    /// <summary>
    /// The sha256 of the upload's first <paramref name="size"/> bytes, when this instance hashed exactly those as they
    /// were written and the upload has had <paramref name="writes"/> writes in all; else null. Forgets the upload.
    /// </summary>
    public BlobDigest? TakeDigest(Guid uploadId, long size, long writes)
    {
        if (!_hashes.TryRemove(uploadId, out var running)) return null;
        using (running)
            return running.Length == size && running.Writes == writes ? BlobDigest.FromHash(running.Hash.GetHashAndReset()) : null;
    }

    /// <summary>Forgets the upload.</summary>
    public void Forget(Guid uploadId)
    {
        if (_hashes.TryRemove(uploadId, out var running)) running.Dispose();
    }

    // Checked when an upload begins, so abandoned ones (finished or deleted through another instance) do not pile up.
    private void DropIdle()
    {
        var before = Environment.TickCount64 - (long)IdleLimit.TotalMilliseconds;
        foreach (var (uploadId, running) in _hashes)
            if (running.LastUsed < before && _hashes.TryRemove(new KeyValuePair<Guid, RunningHash>(uploadId, running)))
                running.Dispose();
    }

    /// <summary>The sha256 of bytes [0, <see cref="Length"/>) of an upload, after its write number <see cref="Writes"/>.</summary>
    public sealed class RunningHash : IDisposable
    {
        public IncrementalHash Hash { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public long Length { get; set; }

        public long Writes { get; set; }

        public long LastUsed { get; set; }

        public void Dispose() => Hash.Dispose();
    }
}
