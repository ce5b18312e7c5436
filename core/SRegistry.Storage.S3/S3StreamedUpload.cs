using System.Buffers;
using System.Security.Cryptography;
using Amazon.S3.Model;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Storage.S3;

/// <summary>
/// Content read once, hashed on the way and streamed to the bucket in parts of at most
/// <c>partSize</c> bytes; two part buffers are the only memory it holds, so one part uploads while
/// the next is received. Content that fits in the first part stays in memory until the caller
/// knows its digest (<see cref="SmallContent"/>); anything larger becomes a multipart upload to
/// <see cref="Key"/>, which stays invisible until completed.
/// </summary>
internal sealed class S3StreamedUpload : IDisposable
{
    private readonly S3Bucket _bucket;
    private readonly byte[][] _buffers;
    private readonly int _partSize;
    private bool _finished;

    private S3StreamedUpload(S3Bucket bucket, int partSize)
    {
        _bucket = bucket;
        _partSize = partSize;
        _buffers = [ArrayPool<byte>.Shared.Rent(partSize), ArrayPool<byte>.Shared.Rent(partSize)];
    }

    public BlobDigest Digest { get; private set; }

    /// <summary>Bytes received; when the size limit was exceeded, the bytes read before stopping.</summary>
    public long Size { get; private set; }

    /// <summary>The whole content when it fitted in one part (nothing was sent to the bucket); otherwise empty.</summary>
    public ArraySegment<byte> SmallContent { get; private set; }

    /// <summary>The key of the multipart upload, when the content needed one.</summary>
    public string? Key { get; private set; }

    /// <summary>The multipart upload's id, when the content needed one.</summary>
    public string? UploadId { get; private set; }

    /// <summary>The uploaded parts, for completing the multipart upload.</summary>
    public List<PartETag> Parts { get; } = [];

    /// <summary>
    /// Reads <paramref name="content"/> to its end (or to one byte past <paramref name="sizeLimit"/>).
    /// Content larger than one part goes to a multipart upload to <paramref name="largeKey"/>.
    /// On any exception the multipart upload is aborted before this throws.
    /// </summary>
    public static async Task<S3StreamedUpload> ReceiveAsync(
        S3Bucket bucket, Stream content, long partSize, long? sizeLimit, string largeKey, CancellationToken cancellationToken)
    {
        var upload = new S3StreamedUpload(bucket, (int)partSize);
        try
        {
            await upload.ReadAsync(content, sizeLimit, largeKey, cancellationToken).ConfigureAwait(false);
            return upload;
        }
        catch
        {
            await upload.AbortAsync().ConfigureAwait(false);
            upload.Dispose();
            throw;
        }
    }

    private async Task ReadAsync(Stream content, long? sizeLimit, string largeKey, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var pendingPart = Task.CompletedTask;
        try
        {
            for (var current = 0; ; current ^= 1)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var buffer = _buffers[current];
                var want = sizeLimit is { } limit ? (int)Math.Min(_partSize, limit + 1 - Size) : _partSize;
                var read = want <= 0 ? 0 : await content.ReadAtLeastAsync(buffer.AsMemory(0, want), want, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                hash.AppendData(buffer, 0, read);
                Size += read;
                var ended = read < _partSize || Size > sizeLimit;
                if (UploadId is null && ended)
                {
                    SmallContent = new ArraySegment<byte>(buffer, 0, read);
                    break;
                }
                if (read == 0) break;
                if (UploadId is null)
                {
                    Key = largeKey;
                    var started = await _bucket.Client.InitiateMultipartUploadAsync(
                        new InitiateMultipartUploadRequest { BucketName = _bucket.Name, Key = largeKey }, cancellationToken).ConfigureAwait(false);
                    UploadId = started.UploadId;
                }
                await pendingPart.ConfigureAwait(false);
                Parts.Add(new PartETag(Parts.Count + 1, ""));
                pendingPart = UploadPartAsync(Parts.Count, buffer, read, cancellationToken);
                if (ended) break;
            }
        }
        finally
        {
            // The buffer of a part in flight is in use until its request ends, success or not.
            await pendingPart.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await pendingPart.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        Digest = BlobDigest.FromHash(hash.GetHashAndReset());
    }

    private async Task UploadPartAsync(int number, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(buffer, 0, count, writable: false);
        var response = await _bucket.Client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = _bucket.Name,
            Key = Key,
            UploadId = UploadId,
            PartNumber = number,
            InputStream = body,
            PartSize = count,
        }, cancellationToken).ConfigureAwait(false);
        Parts[number - 1] = new PartETag(number, response.ETag);
    }

    /// <summary>Records that the multipart upload was completed or aborted by the caller, so <see cref="AbortAsync"/> leaves it.</summary>
    public void MarkFinished() => _finished = true;

    /// <summary>Drops the multipart upload, if one was started and not finished.</summary>
    public Task AbortAsync() => UploadId is null || _finished ? Task.CompletedTask : _bucket.AbortAsync(Key!, UploadId);

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffers[0]);
        ArrayPool<byte>.Shared.Return(_buffers[1]);
    }
}
