using SRegistry.Abstractions.Storage;

namespace SRegistry.Storage.S3;

/// <summary>
/// The bucket's layout under the configured prefix: published blobs at <c>blobs/sha256/&lt;hex&gt;</c>,
/// objects not yet verified (uploads in progress, presigned uploads) at <c>tmp/&lt;id&gt;</c>.
/// </summary>
internal sealed class S3ObjectKeys(string prefix)
{
    public string BlobPrefix => prefix + "blobs/";

    public string TemporaryPrefix => prefix + "tmp/";

    public string Blob(BlobDigest digest) =>
        BlobPrefix + "sha256/" + (digest.Hex ?? throw new ArgumentException("The digest is empty (default(BlobDigest)).", nameof(digest)));

    public string Temporary(string id) => TemporaryPrefix + id;
}
