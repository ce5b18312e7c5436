namespace SRegistry.Core.Sif;

/// <summary>What the registry needs to know about a SIF image, read from its header and descriptors.</summary>
public sealed record SifMetadata
{
    /// <summary>The SIF specification version, for example <c>01</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The image's unique id from the header.</summary>
    public required Guid ImageId { get; init; }

    /// <summary>When the image was created, per its header.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The primary system partition's architecture as Go and the registry name it (<c>amd64</c>,
    /// <c>arm64</c>, …), or null when the image does not state a known one.
    /// </summary>
    public string? Architecture { get; init; }

    /// <summary>The primary system partition's filesystem, or null when there is no such partition.</summary>
    public SifFileSystemType? FileSystem { get; init; }

    /// <summary>The primary system partition's size in bytes, or null when there is no such partition.</summary>
    public long? PartitionSize { get; init; }

    /// <summary>The definition file the image was built from, or null when it carries none.</summary>
    public string? DefinitionFile { get; init; }

    /// <summary>The definition file's <c>%runscript</c> section, or null when there is none.</summary>
    public string? RunScript { get; init; }

    /// <summary>The text of the environment object, or null when there is none.</summary>
    public string? Environment { get; init; }

    /// <summary>The labels from the JSON labels object; empty when there is none.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The signature objects, in descriptor order.</summary>
    public IReadOnlyList<SifSignature> Signatures { get; init; } = [];

    /// <summary>True when the image carries at least one signature object.</summary>
    public bool IsSigned => Signatures.Count > 0;

    /// <summary>True when the primary partition is encrypted (an encrypted filesystem or a key in a cryptographic message object).</summary>
    public bool IsEncrypted { get; init; }
}
