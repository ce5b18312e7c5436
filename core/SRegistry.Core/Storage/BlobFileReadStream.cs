using Microsoft.Win32.SafeHandles;

namespace SRegistry.Core.Storage;

/// <summary>
/// A read-only window of <c>length</c> bytes starting at <c>start</c> in a blob file it owns. Reports the
/// window's <see cref="Length"/> and seeks within it, so HTTP range processing works on it.
/// </summary>
/// <remarks>
/// Reads are synchronous, <see cref="ReadAsync(Memory{byte}, CancellationToken)"/> too. .NET on Linux has
/// no asynchronous file reads: an awaited read runs on another thread pool thread, which waits for the
/// disk just as this one would. Reading here saves that hop per buffer, which many concurrent pulls on
/// few cores are short of (see docs/benchmarks.md).
/// </remarks>
internal sealed class BlobFileReadStream(SafeFileHandle file, long start, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, Math.Max(0, length - _position));
        if (count == 0) return 0;
        var read = RandomAccess.Read(file, buffer[..count], start + _position);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = target;
        return target;
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) file.Dispose();
        base.Dispose(disposing);
    }
}
