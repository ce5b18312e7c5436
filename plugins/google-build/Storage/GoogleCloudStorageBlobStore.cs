using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Plugins.GoogleBuild.Storage;

/// <summary>
/// Blobs as objects <c>&lt;prefix&gt;blobs/sha256/&lt;hex&gt;</c> in a Cloud Storage bucket. A put streams
/// through a resumable upload into <c>&lt;prefix&gt;uploads/&lt;id&gt;</c>, hashing on the way; only
/// matching content becomes that temporary object, which is then copied to its blob name with
/// <c>ifGenerationMatch=0</c> (so a published blob is never overwritten and concurrent puts publish
/// once) and deleted. Direct transfers use V4 signed URLs.
/// </summary>
public sealed class GoogleCloudStorageBlobStore(
    GoogleCloudStorageClient client, V4UrlSigner signer, IOptions<GoogleBuildOptions> options, TimeProvider time) : IBlobStore, IPresignedBlobTransfer
{
    /// <summary>The <c>Storage:Provider</c> value that selects this store.</summary>
    public const string ProviderKey = "google-cloud-storage";

    private readonly string _prefix = options.Value.ObjectPrefix;
    private readonly int _chunkSize = options.Value.UploadChunkSize;

    /// <inheritdoc />
    public async Task<BlobPutResult> PutAsync(Stream content, BlobExpectation expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(expected);
        if (expected.Size is < 0) throw new ArgumentOutOfRangeException(nameof(expected), "The expected size cannot be negative.");

        // A re-push of a blob already here needs its bytes checked, not uploaded again.
        if (expected.Digest is { } known && await client.GetObjectAsync(BlobName(known), cancellationToken).ConfigureAwait(false) is not null)
        {
            var (digest, size) = await ContentHash.ComputeAsync(content, expected.Size, cancellationToken).ConfigureAwait(false);
            return new BlobPutResult(Mismatch(expected, digest, size) ?? BlobPutOutcome.AlreadyPresent, digest, size);
        }

        var temporary = TemporaryName(Guid.NewGuid().ToString("N"));
        GcsObject uploaded;
        BlobDigest received;
        long receivedSize;
        await using (var upload = await ResumableObjectUpload.StartAsync(client, temporary, _chunkSize, cancellationToken).ConfigureAwait(false))
        {
            (received, receivedSize) = await upload.SendAllButLastChunkAsync(content, expected.Size, cancellationToken).ConfigureAwait(false);
            if (Mismatch(expected, received, receivedSize) is { } mismatch) return new BlobPutResult(mismatch, received, receivedSize);
            uploaded = await upload.FinishAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var stored = await client.CopyIfAbsentAsync(temporary, uploaded.Generation, BlobName(received), cancellationToken).ConfigureAwait(false);
            return new BlobPutResult(stored ? BlobPutOutcome.Stored : BlobPutOutcome.AlreadyPresent, received, receivedSize);
        }
        finally
        {
            await client.DeleteAsync(temporary, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<Stream?> OpenReadAsync(BlobDigest digest, long offset, long? length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is < 0) throw new ArgumentOutOfRangeException(nameof(length), "The length cannot be negative.");
        // An empty range cannot be expressed as a Range header; the answer only depends on existence.
        if (length == 0) return await GetInfoAsync(digest, cancellationToken).ConfigureAwait(false) is null ? null : Stream.Null;
        return await client.DownloadAsync(BlobName(digest), offset, length, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<BlobInfo?> GetInfoAsync(BlobDigest digest, CancellationToken cancellationToken) =>
        await client.GetObjectAsync(BlobName(digest), cancellationToken).ConfigureAwait(false) is { } found
            ? new BlobInfo(digest, found.Size, found.Created)
            : null;

    /// <inheritdoc />
    public Task<bool> DeleteAsync(BlobDigest digest, CancellationToken cancellationToken) =>
        client.DeleteAsync(BlobName(digest), cancellationToken);

    /// <inheritdoc />
    public async Task<Uri?> GetDownloadUrlAsync(BlobDigest digest, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (await GetInfoAsync(digest, cancellationToken).ConfigureAwait(false) is null) return null;
        return await signer.SignAsync(HttpMethod.Get, BlobName(digest), lifetime, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<PresignedUpload> CreateUploadAsync(BlobDigest digest, long size, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var id = Guid.NewGuid().ToString("N");
        // Cloud Storage refuses a signed PUT whose length is outside this range, so a client cannot park more than it announced.
        var headers = new Dictionary<string, string> { ["x-goog-content-length-range"] = $"{size},{size}" };
        var expiresAt = time.GetUtcNow() + lifetime;
        var url = await signer.SignAsync(HttpMethod.Put, TemporaryName(id), lifetime, headers, cancellationToken).ConfigureAwait(false);
        return new PresignedUpload(id, url, headers, digest, size, expiresAt);
    }

    /// <inheritdoc />
    public async Task<BlobPutResult> CompleteUploadAsync(PresignedUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var nothing = new BlobPutResult(BlobPutOutcome.SizeMismatch, BlobDigest.FromHash(SHA256.HashData([])), 0);
        if (!Guid.TryParseExact(upload.UploadId, "N", out _)) return nothing;
        var temporary = TemporaryName(upload.UploadId);
        if (await client.GetObjectAsync(temporary, cancellationToken).ConfigureAwait(false) is not { } uploaded) return nothing;
        try
        {
            // Cloud Storage keeps no sha256, so the bytes are read back; the generation pins exactly
            // what was hashed and then copied, in case the still-valid URL is used again meanwhile.
            (BlobDigest Digest, long Size) received;
            await using (var bytes = await client.DownloadAsync(temporary, 0, null, uploaded.Generation, cancellationToken).ConfigureAwait(false) ?? Stream.Null)
                received = await ContentHash.ComputeAsync(bytes, upload.Size, cancellationToken).ConfigureAwait(false);
            if (Mismatch(new BlobExpectation(upload.Digest, upload.Size), received.Digest, received.Size) is { } mismatch)
                return new BlobPutResult(mismatch, received.Digest, received.Size);
            var stored = await client.CopyIfAbsentAsync(temporary, uploaded.Generation, BlobName(received.Digest), cancellationToken).ConfigureAwait(false);
            return new BlobPutResult(stored ? BlobPutOutcome.Stored : BlobPutOutcome.AlreadyPresent, received.Digest, received.Size);
        }
        finally
        {
            await client.DeleteAsync(temporary, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static BlobPutOutcome? Mismatch(BlobExpectation expected, BlobDigest digest, long size) =>
        expected.Size is { } expectedSize && expectedSize != size ? BlobPutOutcome.SizeMismatch
        : expected.Digest is { } expectedDigest && expectedDigest != digest ? BlobPutOutcome.DigestMismatch
        : null;

    private string BlobName(BlobDigest digest) =>
        _prefix + "blobs/sha256/" + (digest.Hex ?? throw new ArgumentException("The digest is empty (default(BlobDigest)).", nameof(digest)));

    private string TemporaryName(string id) => _prefix + "uploads/" + id;
}
