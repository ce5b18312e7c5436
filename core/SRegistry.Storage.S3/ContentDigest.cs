using System.Buffers;
using System.Security.Cryptography;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Storage.S3;

/// <summary>Hashes content without storing it: re-pushes of present blobs, and verifying presigned uploads.</summary>
internal static class ContentDigest
{
    private const int ChunkSize = 1 << 20;

    /// <summary>The sha256 and length of <paramref name="content"/>, stopping once more than <paramref name="sizeLimit"/> bytes arrived.</summary>
    public static async Task<(BlobDigest Digest, long Size)> ComputeAsync(Stream content, long? sizeLimit, CancellationToken cancellationToken)
    {
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
