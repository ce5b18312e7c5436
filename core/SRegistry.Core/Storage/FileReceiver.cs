using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Storage;

/// <summary>
/// Receives a stream into a file at an offset, hashing it on the way. While the file offset stays aligned,
/// whole chunks are written with O_DIRECT where the filesystem allows: a multi-gigabyte upload then costs
/// no copy into the page cache (measured as most of a push's CPU, see docs/benchmarks.md) and does not
/// push the images being pulled out of it. The rest goes through the page cache, with early writeback.
/// </summary>
public static class FileReceiver
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end, or until more than <paramref name="sizeLimit"/> bytes have
    /// arrived (noticed without reading the rest), and writes at most <paramref name="sizeLimit"/> of them at
    /// <paramref name="offset"/>. The digest and size are of what was read. The caller syncs the file.
    /// </summary>
    public static async Task<(BlobDigest Digest, long Size)> ReceiveAsync(
        SafeFileHandle file, long offset, Stream content, long? sizeLimit, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var size = await ReceiveAsync(file, offset, content, sizeLimit, [hash], cancellationToken).ConfigureAwait(false);
        return (BlobDigest.FromHash(hash.GetHashAndReset()), size);
    }

    /// <summary>As the other overload, appending every byte read to each of <paramref name="hashes"/> (perhaps none); returns the size read.</summary>
    internal static async Task<long> ReceiveAsync(
        SafeFileHandle file, long offset, Stream content, long? sizeLimit, IReadOnlyList<IncrementalHash> hashes, CancellationToken cancellationToken)
    {
        using var receiver = new Receiver(file, offset);
        return await receiver.ReceiveAsync(content, sizeLimit ?? long.MaxValue - 1, hashes, cancellationToken).ConfigureAwait(false);
    }

    private sealed class Receiver : IDisposable
    {
        private const int Alignment = 4096;
        private const int ChunkSize = 4 << 20;
        private const int WritebackWindow = 8 << 20;

        private readonly SafeFileHandle _file;
        private readonly long _offset;
        private readonly AlignedBuffer[] _buffers = [new(ChunkSize, Alignment), new(ChunkSize, Alignment)];
        private bool _direct;
        private long _writtenBack = -1;

        public Receiver(SafeFileHandle file, long offset)
        {
            _file = file;
            _offset = offset;
            _direct = offset % Alignment == 0 && PosixFileSystem.TrySetDirect(file, true);
        }

        // Two buffers: while one is written, the next is received and hashed.
        public async Task<long> ReceiveAsync(Stream content, long limit, IReadOnlyList<IncrementalHash> hashes, CancellationToken cancellationToken)
        {
            var pendingWrite = Task.CompletedTask;
            long size = 0;
            try
            {
                for (var current = 0; size <= limit; current ^= 1)
                {
                    var buffer = _buffers[current].Memory;
                    var want = (int)Math.Min(ChunkSize, limit + 1 - size);
                    var read = await content.ReadAtLeastAsync(buffer[..want], want, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                    if (read == 0) break;
                    foreach (var hash in hashes) hash.AppendData(buffer.Span[..read]);
                    await pendingWrite.ConfigureAwait(false);
                    var keep = (int)Math.Min(read, limit - size);
                    if (keep > 0) pendingWrite = WriteAsync(buffer[..keep], _offset + size, cancellationToken);
                    size += read;
                    if (read < want) break;
                }
                await pendingWrite.ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return size;
            }
            finally
            {
                // The buffers are freed only once no write is using them.
                await pendingWrite.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        // Called only once the previous write has finished, so switching the descriptor's mode races with nothing.
        private Task WriteAsync(ReadOnlyMemory<byte> data, long at, CancellationToken cancellationToken)
        {
            if (_direct && (data.Length % Alignment != 0 || at % Alignment != 0))
                _direct = !PosixFileSystem.TrySetDirect(_file, false);
            if (!_direct)
            {
                if (_writtenBack < 0) _writtenBack = at;
                if (at - _writtenBack >= WritebackWindow)
                {
                    PosixFileSystem.StartWriteback(_file, _writtenBack, at - _writtenBack);
                    _writtenBack = at;
                }
            }
            return RandomAccess.WriteAsync(_file, data, at, cancellationToken).AsTask();
        }

        public void Dispose()
        {
            if (_direct) PosixFileSystem.TrySetDirect(_file, false);
            foreach (var buffer in _buffers) ((IDisposable)buffer).Dispose();
        }
    }
}
