namespace SRegistry.Core.Domain;

/// <summary>Media types the registry gives special meaning to.</summary>
public static class MediaTypes
{
    /// <summary>A SIF file as an ORAS layer (what Singularity pushes to <c>oras://</c>).</summary>
    public const string SifLayer = "application/vnd.sylabs.sif.layer.v1.sif";

    /// <summary>The config of a SIF ORAS artifact.</summary>
    public const string SifConfig = "application/vnd.sylabs.sif.config.v1+json";
}
