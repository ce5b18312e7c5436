using Amazon.S3;
using Amazon.S3.Model;

namespace SRegistry.Storage.S3;

/// <summary>
/// A read-only, seekable window of an object. Bytes come from one ranged GET at a time, opened lazily
/// at the current position and reopened after a seek, so HTTP range processing (which seeks) works on
/// it and a read never holds more than the SDK's socket buffer.
/// </summary>
internal sealed class S3ObjectReadStream(IAmazonS3 s3, string bucket, string key, long start, long length) : Stream
{
    private GetObjectResponse? _response;
    private long _responsePosition = -1;
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

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var remaining = length - _position;
        if (remaining <= 0 || buffer.Length == 0) return 0;
        if (_response is null || _responsePosition != _position)
        {
            CloseResponse();
            _response = await s3.GetObjectAsync(new GetObjectRequest
            {
                BucketName = bucket,
                Key = key,
                ByteRange = new ByteRange(start + _position, start + length - 1),
            }, cancellationToken).ConfigureAwait(false);
            _responsePosition = _position;
        }

        var read = await _response.ResponseStream.ReadAsync(buffer[..(int)Math.Min(buffer.Length, remaining)], cancellationToken).ConfigureAwait(false);
        if (read == 0)
            throw new IOException($"The object {key} ended {remaining} bytes early; it changed or the connection broke.");
        _position += read;
        _responsePosition = _position;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
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
        if (disposing) CloseResponse();
        base.Dispose(disposing);
    }

    private void CloseResponse()
    {
        _response?.Dispose();
        _response = null;
    }
}
