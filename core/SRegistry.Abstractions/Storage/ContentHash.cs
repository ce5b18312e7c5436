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
    /// Streams in 1 MiB chunks; never holds the content in memory.
    /// </summary>
    public static async Task<(BlobDigest Digest, long Size)> ComputeAsync(Stream content, long? sizeLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long size = 0;
            int read;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                read = await content.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false);
                hash.AppendData(buffer, 0, read);
                size += read;
            }
            while (read > 0 && !(size > sizeLimit));
            return (BlobDigest.FromHash(hash.GetHashAndReset()), size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
