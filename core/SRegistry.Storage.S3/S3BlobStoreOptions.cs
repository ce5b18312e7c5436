namespace SRegistry.Storage.S3;

/// <summary>Where and how <see cref="S3BlobStore"/> keeps blobs (section <c>Storage:S3</c>), validated at start.</summary>
public sealed class S3BlobStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage:S3";

    /// <summary>The smallest part S3 accepts in a multipart upload (except the last one).</summary>
    public const long MinimumPartSize = 5L * 1024 * 1024;

    /// <summary>The largest part size allowed here: a part is held in memory while it uploads.</summary>
    public const long MaximumPartSize = 1L * 1024 * 1024 * 1024;

    /// <summary>
    /// The endpoint of an S3-compatible service (MinIO, Ceph RGW, Google Cloud Storage's XML API),
    /// such as <c>https://minio.example.org:9000</c>; empty for AWS S3 itself, addressed by <see cref="Region"/>.
    /// </summary>
    public string ServiceUrl { get; set; } = "";

    /// <summary>The region requests are signed for (AWS: where the bucket is; most other services accept <c>us-east-1</c>).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The bucket; it must exist (the registry never creates or configures buckets).</summary>
    public string Bucket { get; set; } = "";

    /// <summary>A key prefix, so several registries (or other data) can share a bucket, e.g. <c>sregistry/</c>.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Addresses objects as <c>endpoint/bucket/key</c> instead of <c>bucket.endpoint/key</c> (MinIO and most self-hosted services need this).</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>An access key id; with <see cref="SecretAccessKey"/>, or both empty for the SDK's default chain (environment, profile, instance role).</summary>
    public string AccessKeyId { get; set; } = "";

    /// <summary>The secret that goes with <see cref="AccessKeyId"/>.</summary>
    public string SecretAccessKey { get; set; } = "";

    /// <summary>
    /// The size of the parts a blob is streamed to the bucket in; one upload holds two parts in memory
    /// (between 5 MiB and 1 GiB; larger blobs use larger parts so that none needs more than 10,000).
    /// </summary>
    public long PartSize { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// Lets clients send and fetch image bytes straight to and from the bucket with presigned URLs,
    /// instead of through the server. Off by default: clients must then reach the bucket's endpoint.
    /// </summary>
    public bool DirectTransfers { get; set; }

    /// <summary>How long a presigned URL handed to a client works (at most 7 days, S3's limit).</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
