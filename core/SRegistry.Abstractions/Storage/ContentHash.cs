using System.Buffers;
using System.Security.Cryptography;

namespace SRegistry.Abstractions.Storage;

/// <summary>Hashes content without storing it, for stores that must verify bytes they do not write (a blob already present, a presigned upload).</summary>
public static class ContentHash
{
    private const int ChunkSize = 1 << 20;

    /// <summary>
    /// Reads <paramref name="content"/> to its end and returns its sha256 and length, stopping early
    /// once more than <paramref name="sizeLimit"/> bytes arrived (the size then tells the caller so).
    /// Streams in 1 MiB chunks, reading the next while hashing the last (for a file not in the page
    /// cache, the disk then works during the hashing); never holds the content in memory.
    /// </summary>
    public static async Task<(BlobDigest Digest, long Size)> ComputeAsync(Stream content, long? sizeLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(ChunkSize), ArrayPool<byte>.Shared.Rent(ChunkSize)];
        var pendingRead = Task.FromResult(0);
        try
        {
            long size = 0;
            pendingRead = content.ReadAsync(buffers[0].AsMemory(0, ChunkSize), cancellationToken).AsTask();
            for (var current = 0; ; current ^= 1)
            {
                var read = await pendingRead.ConfigureAwait(false);
                size += read;
                if (read == 0 || size > sizeLimit)
                {
                    hash.AppendData(buffers[current], 0, read);
                    return (BlobDigest.FromHash(hash.GetHashAndReset()), size);
                }
                cancellationToken.ThrowIfCancellationRequested();
                pendingRead = content.ReadAsync(buffers[current ^ 1].AsMemory(0, ChunkSize), cancellationToken).AsTask();
                hash.AppendData(buffers[current], 0, read);
            }
        }
        finally
        {
            // The buffers go back to the pool only once no read is filling them.
            await ((Task)pendingRead).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }
    }
}
