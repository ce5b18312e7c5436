namespace SRegistry.Storage.S3;

/// <summary>Staged pieces read one after the other as one forward-only stream, one GET open at a time.</summary>
internal sealed class S3PieceSequenceStream(S3Bucket bucket, IReadOnlyList<S3StagedPiece> pieces) : Stream
{
    private int _next;
    private Stream? _current;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0)
        {
            if (_current is null)
            {
                if (_next == pieces.Count) return 0;
                var piece = pieces[_next++];
                _current = new S3ObjectReadStream(bucket.Client, bucket.Name, piece.Key, 0, piece.Size);
            }
            var read = await _current.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0) return read;
            await _current.DisposeAsync().ConfigureAwait(false);
            _current = null;
        }
        return 0;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _current?.Dispose();
        base.Dispose(disposing);
    }
}
