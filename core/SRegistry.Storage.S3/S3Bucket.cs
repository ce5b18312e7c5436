using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace SRegistry.Storage.S3;

/// <summary>
/// The few bucket operations the store is built from. Publishing uses S3's conditional writes
/// (<c>If-None-Match: *</c> on PutObject and CompleteMultipartUpload): the service, not a check before
/// the write, decides which of several identical uploads creates the object, so exactly one reports
/// it stored and an existing blob is never replaced.
/// </summary>
internal sealed class S3Bucket(IAmazonS3 s3, string bucket)
{
    // S3's largest part, also for server-side copies: blobs up to 5 GiB publish with one copy request.
    private const long CopyPartSize = 5L * 1024 * 1024 * 1024;

    public IAmazonS3 Client => s3;

    public string Name => bucket;

    /// <summary>The object's size and modification time, or null when it does not exist.</summary>
    public async Task<(long Size, DateTimeOffset LastModified)?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var head = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return (head.ContentLength, new DateTimeOffset(DateTime.SpecifyKind(head.LastModified ?? DateTime.UtcNow, DateTimeKind.Utc)));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Writes a small object unless the key exists; false when it did.</summary>
    public async Task<bool> PutIfAbsentAsync(string key, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(buffer, 0, count, writable: false);
        return await IfAbsentAsync(() => s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = body,
            AutoCloseStream = false,
            IfNoneMatch = "*",
        }, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Completes a multipart upload unless the key exists (then the upload is aborted); false when it did.</summary>
    public async Task<bool> CompleteIfAbsentAsync(string key, string uploadId, List<PartETag> parts, CancellationToken cancellationToken)
    {
        var created = await IfAbsentAsync(() => s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = key,
            UploadId = uploadId,
            PartETags = parts,
            IfNoneMatch = "*",
        }, cancellationToken)).ConfigureAwait(false);
        if (!created) await AbortAsync(key, uploadId).ConfigureAwait(false);
        return created;
    }

    /// <summary>Copies an object inside the bucket unless the target exists; false when it did.</summary>
    public async Task<bool> CopyIfAbsentAsync(string sourceKey, long size, string targetKey, CancellationToken cancellationToken)
    {
        var upload = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = targetKey }, cancellationToken).ConfigureAwait(false);
        try
        {
            var parts = new List<PartETag>();
            for (long first = 0, number = 1; first < size; first += CopyPartSize, number++)
            {
                var copied = await s3.CopyPartAsync(new CopyPartRequest
                {
                    SourceBucket = bucket,
                    SourceKey = sourceKey,
                    DestinationBucket = bucket,
                    DestinationKey = targetKey,
                    UploadId = upload.UploadId,
                    PartNumber = (int)number,
                    FirstByte = first,
                    LastByte = Math.Min(size, first + CopyPartSize) - 1,
                }, cancellationToken).ConfigureAwait(false);
                parts.Add(new PartETag((int)number, copied.ETag));
            }
            return await CompleteIfAbsentAsync(targetKey, upload.UploadId, parts, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await AbortAsync(targetKey, upload.UploadId).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Drops a multipart upload and its parts; runs to the end even when the caller was cancelled.</summary>
    public async Task AbortAsync(string key, string uploadId)
    {
        try
        {
            await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Already completed or aborted.
        }
    }

    /// <summary>Deletes an object (deleting a missing one is not an error in S3).</summary>
    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, cancellationToken);

    // 412: the key exists. 409: another conditional write to the key was in flight; whoever finishes
    // wins, so ask again (the second answer is 412 once the other write completed, or success).
    private static async Task<bool> IfAbsentAsync(Func<Task> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write().ConfigureAwait(false);
                return true;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                return false;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Conflict && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt)).ConfigureAwait(false);
            }
        }
    }
}
