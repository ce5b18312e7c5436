namespace SRegistry.Core.Uploads;

/// <summary>Files read one after the other as a single forward-only stream, with one file open at a time.</summary>
internal sealed class PartConcatenationStream(IReadOnlyList<string> paths) : Stream
{
    private int _next;
    private FileStream? _current;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (buffer.Length > 0 && OpenNextIfNeeded())
        {
            var read = _current!.Read(buffer);
            if (read > 0) return read;
            CloseCurrent();
        }
        return 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0 && OpenNextIfNeeded())
        {
            var read = await _current!.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0) return read;
            CloseCurrent();
        }
        return 0;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) CloseCurrent();
        base.Dispose(disposing);
    }

    private bool OpenNextIfNeeded()
    {
        if (_current is not null) return true;
        if (_next == paths.Count) return false;
        _current = new FileStream(paths[_next++], new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read | FileShare.Delete,
            Options = FileOptions.SequentialScan,
        });
        return true;
    }

    private void CloseCurrent()
    {
        _current?.Dispose();
        _current = null;
    }
}
