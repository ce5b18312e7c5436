using System.Buffers;
using System.Security.Cryptography;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Plugins.GoogleBuild.Storage;

/// <summary>
/// One resumable upload to Cloud Storage, fed from a stream with one reused chunk buffer. The last
/// chunk is held back, so the caller sees the content's digest and size before the object exists
/// and can abandon the session instead of creating an object that would have to be deleted.
/// </summary>
public sealed class ResumableObjectUpload : IAsyncDisposable
{
    private readonly GoogleCloudStorageClient _client;
    private readonly Uri _session;
    private readonly byte[] _buffer;
    private readonly int _chunkSize;
    private int _filled;
    private long _persisted;
    private bool _finished;

    private ResumableObjectUpload(GoogleCloudStorageClient client, Uri session, int chunkSize)
    {
        _client = client;
        _session = session;
        _chunkSize = chunkSize;
        _buffer = ArrayPool<byte>.Shared.Rent(chunkSize);
    }

    /// <summary>Starts the session for the object <paramref name="name"/>.</summary>
    public static async Task<ResumableObjectUpload> StartAsync(GoogleCloudStorageClient client, string name, int chunkSize, CancellationToken cancellationToken) =>
        new(client, await client.StartResumableUploadAsync(name, cancellationToken).ConfigureAwait(false), chunkSize);

    /// <summary>
    /// Reads <paramref name="content"/> to its end, sending every full chunk, and returns its digest and
    /// size; stops once more than <paramref name="sizeLimit"/> bytes arrived (the size then says so).
    /// </summary>
    public async Task<(BlobDigest Digest, long Size)> SendAllButLastChunkAsync(Stream content, long? sizeLimit, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        int read;
        while (!(size > sizeLimit)
               && (read = await content.ReadAsync(_buffer.AsMemory(_filled, _chunkSize - _filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(_buffer, _filled, read);
            _filled += read;
            size += read;
            if (_filled == _chunkSize) await SendBufferAsync(total: null, cancellationToken).ConfigureAwait(false);
        }

        return (BlobDigest.FromHash(hash.GetHashAndReset()), size);
    }

    /// <summary>Sends the held-back bytes with the total size, which creates the object.</summary>
    public async Task<GcsObject> FinishAsync(CancellationToken cancellationToken)
    {
        var total = _persisted + _filled;
        while (true)
        {
            var completed = await SendBufferAsync(total, cancellationToken).ConfigureAwait(false);
            if (completed is not null)
            {
                _finished = true;
                return completed;
            }
        }
    }

    /// <summary>Cancels the session unless it created its object; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            _finished = true;
            // Runs after failures and cancellations too, so it must not use the caller's token.
            await _client.CancelResumableUploadAsync(_session, CancellationToken.None).ConfigureAwait(false);
        }

        ArrayPool<byte>.Shared.Return(_buffer);
    }

    private async Task<GcsObject?> SendBufferAsync(long? total, CancellationToken cancellationToken)
    {
        var (persisted, completed) = await _client.PutChunkAsync(_session, _buffer, _filled, _persisted, total, cancellationToken).ConfigureAwait(false);
        if (completed is not null) return completed;
        var accepted = persisted - _persisted;
        if (accepted < 0 || accepted > _filled || (accepted == 0 && (_filled > 0 || total is not null)))
            throw new IOException($"Cloud Storage reported {persisted} bytes persisted after {_persisted + _filled} were sent; the upload cannot continue.");
        // The server may keep less than it was sent; the rest goes again with the next chunk.
        Buffer.BlockCopy(_buffer, (int)accepted, _buffer, 0, _filled - (int)accepted);
        _filled -= (int)accepted;
        _persisted = persisted;
        return null;
    }
}
