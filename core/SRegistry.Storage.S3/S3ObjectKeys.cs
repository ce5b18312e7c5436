using SRegistry.Abstractions.Storage;

namespace SRegistry.Storage.S3;

/// <summary>
/// The bucket's layout under the configured prefix: published blobs at <c>blobs/sha256/&lt;hex&gt;</c>,
/// objects not yet verified (uploads in progress, presigned uploads) at <c>tmp/&lt;id&gt;</c>, and the
/// pieces of staged uploads (OCI chunks, library parts) at <c>uploads/&lt;upload id&gt;/&lt;offset&gt;</c>.
/// </summary>
internal sealed class S3ObjectKeys(string prefix)
{
    public string BlobPrefix => prefix + "blobs/";

    public string TemporaryPrefix => prefix + "tmp/";

    public string Blob(BlobDigest digest) =>
        BlobPrefix + "sha256/" + (digest.Hex ?? throw new ArgumentException("The digest is empty (default(BlobDigest)).", nameof(digest)));

    public string Temporary(string id) => TemporaryPrefix + id;

    public string StagingPrefix => prefix + "uploads/";

    public string Staged(Guid uploadId) => StagingPrefix + uploadId.ToString("N") + "/";

    // Zero-padded, so a listing (in key order) is in offset order.
    public string StagedPiece(Guid uploadId, long offset) => Staged(uploadId) + offset.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
