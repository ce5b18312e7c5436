using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Oci;

/// <summary>An OCI content descriptor: what a manifest says about a blob or manifest it names.</summary>
public sealed record OciDescriptor(
    string MediaType,
    BlobDigest Digest,
    long Size,
    string? ArtifactType = null,
    IReadOnlyDictionary<string, string>? Annotations = null);
