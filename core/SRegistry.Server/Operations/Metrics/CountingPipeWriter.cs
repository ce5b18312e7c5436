using System.IO.Pipelines;

namespace SRegistry.Server.Operations.Metrics;

/// <summary>Passes a response's pipe through, counting the bytes committed, without copying them.</summary>
public sealed class CountingPipeWriter(PipeWriter inner) : PipeWriter
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    // System.Text.Json writes into the pipe only when it can see what is not flushed yet.
    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override void Advance(int bytes)
    {
        inner.Advance(bytes);
        Interlocked.Add(ref _count, bytes);
    }

    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

    public override async ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        var result = await inner.WriteAsync(source, cancellationToken);
        Interlocked.Add(ref _count, source.Length);
        return result;
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
}
