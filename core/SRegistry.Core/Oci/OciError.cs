namespace SRegistry.Core.Oci;

/// <summary>Why an OCI operation was refused; the door maps each to the distribution spec's error code.</summary>
public enum OciError
{
    None,
    BlobUnknown,
    BlobUploadInvalid,
    BlobUploadUnknown,
    DigestInvalid,
    ManifestBlobUnknown,
    ManifestInvalid,
    ManifestUnknown,
    NameInvalid,
    NameUnknown,
    SizeInvalid,
    Denied,
    Unsupported,

    /// <summary>A chunk that does not start where the upload stands (HTTP 416).</summary>
    RangeInvalid,
}
