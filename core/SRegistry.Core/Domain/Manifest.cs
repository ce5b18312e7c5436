namespace SRegistry.Core.Domain;

/// <summary>
/// An OCI manifest or image index pushed to a container, kept byte for byte: the digest is over
/// <see cref="Content"/>, so it is served exactly as pushed, with the media type it was pushed with.
/// </summary>
public sealed class Manifest
{
    public long Id { get; set; }
    public long ContainerId { get; set; }
    public Container Container { get; set; } = null!;

    /// <summary>The sha256 of <see cref="Content"/>, 64 lowercase hex characters.</summary>
    public required string Digest { get; set; }

    /// <summary>The Content-Type it was pushed with.</summary>
    public required string MediaType { get; set; }

    public long Size { get; set; }

    /// <summary>The manifest's bytes (small: the door caps them).</summary>
    public required byte[] Content { get; set; }

    /// <summary>What the referrers API reports: the manifest's <c>artifactType</c>, else its config's media type.</summary>
    public string? ArtifactType { get; set; }

    /// <summary>The sha256 (hex) of the manifest named in <c>subject</c>, if any.</summary>
    public string? SubjectDigest { get; set; }

    /// <summary>For a SIF artifact (see <see cref="MediaTypes.SifConfig"/>): the library image it stands for.</summary>
    public long? ImageId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The blobs and child manifests it names.</summary>
    public List<ManifestReference> References { get; set; } = [];
}
