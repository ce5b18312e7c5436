namespace SRegistry.Core.Tests.Storage;

/// <summary>Passes another stream through, pausing once at <c>pauseAt</c> bytes until every participant of the rendezvous got there.</summary>
public sealed class RendezvousStream(Stream inner, long pauseAt, Rendezvous rendezvous) : Stream
{
    private long _position;
    private bool _arrived;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_arrived && _position >= pauseAt)
        {
            _arrived = true;
            await rendezvous.ArriveAsync();
        }
        var limit = _arrived ? buffer.Length : (int)Math.Min(buffer.Length, pauseAt - _position);
        var read = await inner.ReadAsync(buffer[..limit], cancellationToken);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
