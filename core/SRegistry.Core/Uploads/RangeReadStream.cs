namespace SRegistry.Core.Uploads;

/// <summary>
/// A seekable view of a blob whose store hands out forward-only streams (object stores answer HTTP
/// ranges): a read after a seek reopens the blob at the new position. The SIF reader needs to seek,
/// but only reads a few small regions, so reopening is cheaper than copying the image anywhere.
/// Reads are asynchronous only.
/// </summary>
internal sealed class RangeReadStream(Func<long, CancellationToken, Task<Stream>> openAt, long length) : Stream
{
    private Stream? _current;
    private long _currentPosition;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0) return 0;
        if (_current is null || _currentPosition != _position)
        {
            if (_current is not null) await _current.DisposeAsync().ConfigureAwait(false);
            _current = await openAt(_position, cancellationToken).ConfigureAwait(false);
            _currentPosition = _position;
        }
        var read = await _current.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _position += read;
        _currentPosition += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("A blob opened by ranges is read asynchronously.");

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (_current is not null) await _current.DisposeAsync().ConfigureAwait(false);
        _current = null;
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _current?.Dispose();
        _current = null;
        base.Dispose(disposing);
    }
}
