using System.Net;
using Microsoft.Win32.SafeHandles;

namespace SRegistry.Bench;

/// <summary>
/// A request body of <paramref name="length"/> bytes of a file from <paramref name="offset"/>, read in 1 MiB
/// pieces as the connection takes them: a known Content-Length, so HttpClient streams it and holds no more
/// than one buffer.
/// </summary>
internal sealed class FileSliceContent(string path, long offset, long length) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var buffer = new byte[ReferenceFile.ChunkSize];
        for (long done = 0; done < length;)
        {
            var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - done)), offset + done, cancellationToken);
            if (read == 0) throw new BenchFailure($"{path} ended {length - done} bytes early");
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            done += read;
        }
    }

    protected override bool TryComputeLength(out long length1)
    {
        length1 = length;
        return true;
    }
}
