using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace SRegistry.Server.Operations.Metrics;

/// <summary>
/// The response body of a request, counting the bytes written through its stream, its pipe or a sent
/// file. A feature rather than a replaced <c>Response.Body</c>, so handlers that write into the pipe's
/// own buffers (blob downloads) keep doing so instead of going through a stream copy.
/// </summary>
public sealed class CountingResponseBody(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
{
    private readonly CountingWriteStream _stream = new(inner.Stream);
    private readonly CountingPipeWriter _writer = new(inner.Writer);
    private long _sentFiles;

    public long Count => _stream.Count + _writer.Count + Interlocked.Read(ref _sentFiles);

    public Stream Stream => _stream;

    public PipeWriter Writer => _writer;

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await inner.SendFileAsync(path, offset, count, cancellationToken);
        Interlocked.Add(ref _sentFiles, count ?? new FileInfo(path).Length - offset);
    }

    public Task CompleteAsync() => inner.CompleteAsync();
}
