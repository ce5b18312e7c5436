using Amazon.S3;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Storage.S3;

/// <summary>
/// Blobs in an S3-compatible bucket at <c>&lt;Prefix&gt;blobs/sha256/&lt;hex&gt;</c>. Content is streamed
/// in parts while hashed, verified, and published with a conditional write, so a blob appears only
/// when complete and correct, and is never replaced: content that fits in one part is written with
/// PutObject once its digest is known; larger content with an expected digest goes to a multipart
/// upload on its final key (invisible until completed, aborted on a mismatch); larger content of
/// unknown digest goes to <c>tmp/</c> first and is published by a server-side copy.
/// </summary>
public sealed partial class S3BlobStore : IBlobStore
{
    /// <summary>The <c>Storage:Provider</c> value that selects this store.</summary>
    public const string ProviderKey = "s3";

    // S3 allows 10,000 parts per upload.
    private const int MaxParts = 10_000;

    private readonly S3Bucket _bucket;
    private readonly S3ObjectKeys _keys;
    private readonly S3BlobStoreOptions _options;

    /// <summary>Creates the store on a client the caller configured (see <see cref="S3ClientFactory"/>).</summary>
    public S3BlobStore(IAmazonS3 s3, S3BlobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(options);
        var validation = new S3BlobStoreOptionsValidator().Validate(null, options);
        if (validation.Failed) throw new ArgumentException(validation.FailureMessage, nameof(options));
        _options = options;
        _bucket = new S3Bucket(s3, options.Bucket);
        _keys = new S3ObjectKeys(options.Prefix);
    }

    /// <inheritdoc />
    public async Task<BlobPutResult> PutAsync(Stream content, BlobExpectation expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(expected);
        if (expected.Size is < 0) throw new ArgumentOutOfRangeException(nameof(expected), "The expected size cannot be negative.");

        // A re-push of a blob already here needs its bytes checked, not written again.
        if (expected.Digest is { } known && await _bucket.HeadAsync(_keys.Blob(known), cancellationToken).ConfigureAwait(false) is not null)
        {
            var (digest, size) = await ContentHash.ComputeAsync(content, expected.Size, cancellationToken).ConfigureAwait(false);
            return new BlobPutResult(Mismatch(expected, digest, size) ?? BlobPutOutcome.AlreadyPresent, digest, size);
        }

        var largeKey = expected.Digest is { } target ? _keys.Blob(target) : _keys.Temporary(Guid.NewGuid().ToString("N"));
        using var upload = await S3StreamedUpload.ReceiveAsync(_bucket, content, PartSizeFor(expected.Size), expected.Size, largeKey, cancellationToken).ConfigureAwait(false);
        try
        {
            var outcome = Mismatch(expected, upload.Digest, upload.Size) ?? await PublishAsync(upload, cancellationToken).ConfigureAwait(false);
            return new BlobPutResult(outcome, upload.Digest, upload.Size);
        }
        finally
        {
            // Whatever was not completed (a mismatch, a failure, the loser of a race) is dropped.
            await upload.AbortAsync().ConfigureAwait(false);
        }
    }

    private async Task<BlobPutOutcome> PublishAsync(S3StreamedUpload upload, CancellationToken cancellationToken)
    {
        var key = _keys.Blob(upload.Digest);
        if (upload.UploadId is null)
            return await _bucket.PutIfAbsentAsync(key, upload.SmallContent.Array!, upload.SmallContent.Count, cancellationToken).ConfigureAwait(false)
                ? BlobPutOutcome.Stored : BlobPutOutcome.AlreadyPresent;
        upload.MarkFinished();
        if (upload.Key == key)
            return await _bucket.CompleteIfAbsentAsync(key, upload.UploadId, upload.Parts, cancellationToken).ConfigureAwait(false)
                ? BlobPutOutcome.Stored : BlobPutOutcome.AlreadyPresent;

        await _bucket.Client.CompleteMultipartUploadAsync(new Amazon.S3.Model.CompleteMultipartUploadRequest
        {
            BucketName = _bucket.Name, Key = upload.Key, UploadId = upload.UploadId, PartETags = upload.Parts,
        }, cancellationToken).ConfigureAwait(false);
        return await PublishTemporaryAsync(upload.Key!, upload.Size, upload.Digest, cancellationToken).ConfigureAwait(false);
    }

    // A verified temporary object becomes the blob by a server-side copy; the temporary object goes either way.
    private async Task<BlobPutOutcome> PublishTemporaryAsync(string temporaryKey, long size, BlobDigest digest, CancellationToken cancellationToken)
    {
        try
        {
            var key = _keys.Blob(digest);
            if (await _bucket.HeadAsync(key, cancellationToken).ConfigureAwait(false) is not null)
                return BlobPutOutcome.AlreadyPresent;
            return await _bucket.CopyIfAbsentAsync(temporaryKey, size, key, cancellationToken).ConfigureAwait(false)
                ? BlobPutOutcome.Stored : BlobPutOutcome.AlreadyPresent;
        }
        finally
        {
            await _bucket.DeleteAsync(temporaryKey, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<Stream?> OpenReadAsync(BlobDigest digest, long offset, long? length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is < 0) throw new ArgumentOutOfRangeException(nameof(length), "The length cannot be negative.");
        var key = _keys.Blob(digest);
        if (await _bucket.HeadAsync(key, cancellationToken).ConfigureAwait(false) is not { } head)
            return null;
        var start = Math.Min(offset, head.Size);
        var available = head.Size - start;
        return new S3ObjectReadStream(_bucket.Client, _bucket.Name, key, start, Math.Min(length ?? available, available));
    }

    /// <inheritdoc />
    public async Task<BlobInfo?> GetInfoAsync(BlobDigest digest, CancellationToken cancellationToken) =>
        await _bucket.HeadAsync(_keys.Blob(digest), cancellationToken).ConfigureAwait(false) is { } head
            ? new BlobInfo(digest, head.Size, head.LastModified)
            : null;

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(BlobDigest digest, CancellationToken cancellationToken)
    {
        // S3 answers a delete of a missing key with success, so existence is asked first.
        var key = _keys.Blob(digest);
        if (await _bucket.HeadAsync(key, cancellationToken).ConfigureAwait(false) is null)
            return false;
        await _bucket.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private long PartSizeFor(long? expectedSize) =>
        Math.Max(_options.PartSize, expectedSize is { } size ? (size + MaxParts - 1) / MaxParts : 0);

    private static BlobPutOutcome? Mismatch(BlobExpectation expected, BlobDigest digest, long size) =>
        expected.Size is { } expectedSize && expectedSize != size ? BlobPutOutcome.SizeMismatch
        : expected.Digest is { } expectedDigest && expectedDigest != digest ? BlobPutOutcome.DigestMismatch
        : null;
}
