namespace SRegistry.Core.Domain;

/// <summary>One image of a container: content (by sha256) for one architecture.</summary>
public sealed class Image
{
    public long Id { get; set; }
    public long ContainerId { get; set; }
    public Container Container { get; set; } = null!;

    /// <summary>The sha256 of the content, 64 lowercase hex characters.</summary>
    public required string Digest { get; set; }

    /// <summary>Size in bytes (known before upload from the client, verified on arrival).</summary>
    public long Size { get; set; }

    public required string Arch { get; set; }

    /// <summary>The media type the content was pushed as (SIF unless pushed as another OCI artifact).</summary>
    public string MediaType { get; set; } = MediaTypes.SifLayer;

    /// <summary>False until the bytes have arrived and matched <see cref="Digest"/>.</summary>
    public bool Uploaded { get; set; }

    public string? Description { get; set; }
    public bool Signed { get; set; }
    public bool Encrypted { get; set; }

    /// <summary>Signing-entity fingerprints read from the SIF's signature descriptors.</summary>
    public string[] Fingerprints { get; set; } = [];

    public string? DefinitionFile { get; set; }
    public long DownloadCount { get; set; }
    public long? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UploadedAt { get; set; }
    public List<Tag> Tags { get; set; } = [];
    public List<Label> Labels { get; set; } = [];
}
