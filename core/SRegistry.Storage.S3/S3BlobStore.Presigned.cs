using Amazon.S3;
using Amazon.S3.Model;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Storage.S3;

/// <summary>Presigned URLs: clients fetch published blobs from, and send new ones to, the bucket itself.</summary>
public sealed partial class S3BlobStore : IPresignedBlobTransfer
{
    private const string PresignedPrefix = "presigned-";

    /// <inheritdoc />
    public async Task<Uri?> GetDownloadUrlAsync(BlobDigest digest, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var key = _keys.Blob(digest);
        if (await _bucket.HeadAsync(key, cancellationToken).ConfigureAwait(false) is null)
            return null;
        var url = await _bucket.Client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _bucket.Name,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow + lifetime,
            Protocol = Protocol,
        }).ConfigureAwait(false);
        return new Uri(url);
    }

    /// <inheritdoc />
    public async Task<PresignedUpload> CreateUploadAsync(BlobDigest digest, long size, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var uploadId = PresignedPrefix + Guid.NewGuid().ToString("N");
        var expiresAt = DateTimeOffset.UtcNow + lifetime;
        var url = await _bucket.Client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _bucket.Name,
            Key = _keys.Temporary(uploadId),
            Verb = HttpVerb.PUT,
            Expires = expiresAt.UtcDateTime,
            Protocol = Protocol,
        }).ConfigureAwait(false);
        return new PresignedUpload(uploadId, new Uri(url), new Dictionary<string, string>(), digest, size, expiresAt);
    }

    /// <inheritdoc />
    public async Task<BlobPutResult> CompleteUploadAsync(PresignedUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (!upload.UploadId.StartsWith(PresignedPrefix, StringComparison.Ordinal) || !Guid.TryParseExact(upload.UploadId[PresignedPrefix.Length..], "N", out _))
            return new BlobPutResult(BlobPutOutcome.SizeMismatch, upload.Digest, 0);
        var temporaryKey = _keys.Temporary(upload.UploadId);
        var head = await _bucket.HeadAsync(temporaryKey, cancellationToken).ConfigureAwait(false);
        if (head is null)
            return new BlobPutResult(BlobPutOutcome.SizeMismatch, upload.Digest, 0);

        var published = false;
        try
        {
            if (head.Value.Size != upload.Size)
                return new BlobPutResult(BlobPutOutcome.SizeMismatch, upload.Digest, head.Value.Size);

            // The bucket does not check what a presigned PUT receives, so the bytes are read back and hashed here.
            (BlobDigest Digest, long Size) received;
            await using (var content = new S3ObjectReadStream(_bucket.Client, _bucket.Name, temporaryKey, 0, head.Value.Size))
                received = await ContentHash.ComputeAsync(content, upload.Size, cancellationToken).ConfigureAwait(false);
            if (received.Digest != upload.Digest)
                return new BlobPutResult(BlobPutOutcome.DigestMismatch, received.Digest, received.Size);

            published = true;
            var outcome = await PublishTemporaryAsync(temporaryKey, received.Size, received.Digest, cancellationToken).ConfigureAwait(false);
            return new BlobPutResult(outcome, received.Digest, received.Size);
        }
        finally
        {
            if (!published) await _bucket.DeleteAsync(temporaryKey, CancellationToken.None).ConfigureAwait(false);
        }
    }

    // Presigned URLs must use the scheme of the configured endpoint (the SDK assumes https).
    private Protocol Protocol =>
        _options.ServiceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS;
}
