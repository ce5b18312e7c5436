namespace SRegistry.Core.Oci;

/// <summary>Manifest media types of the OCI image spec and Docker's schema 2.</summary>
public static class OciMediaTypes
{
    public const string ImageManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string ImageIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>Whether a manifest of this type lists child manifests rather than config and layers.</summary>
    public static bool IsIndex(string mediaType) => mediaType is ImageIndex or DockerManifestList;
}
