using System.Security.Cryptography;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Bench;

/// <summary>What the machine does without the registry: a plain fsync'd file write, and hashing a stream.</summary>
internal static class ReferenceFile
{
    public const int ChunkSize = 1 << 20;

    /// <summary>Writes <paramref name="size"/> pseudo-random bytes to a new file (no buffering, 1 MiB writes), then fsyncs it.</summary>
    public static async Task WriteAsync(string path, long size)
    {
        var source = new PseudoRandomStream(size);
        var buffer = new byte[ChunkSize];
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0);
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0) await file.WriteAsync(buffer.AsMemory(0, read));
        file.Flush(flushToDisk: true);
    }

    public static async Task<BlobDigest> HashAsync(Stream stream)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0) hash.AppendData(buffer, 0, read);
        return BlobDigest.FromHash(hash.GetHashAndReset());
    }

    public static async Task<BlobDigest> HashFileAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        return await HashAsync(file);
    }
}
