namespace SRegistry.Core.Oci;

/// <summary>The dotted verbs the OCI door writes to the audit log.</summary>
public static class OciAuditActions
{
    public const string ManifestPush = "oci.manifest.push";
    public const string ManifestDelete = "oci.manifest.delete";
    public const string TagDelete = "oci.tag.delete";
    public const string BlobUnlink = "oci.blob.delete";
}
