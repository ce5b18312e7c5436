namespace SRegistry.Core.Domain;

/// <summary>
/// A blob (config or layer) or child manifest (of an index) that a <see cref="Manifest"/> names. Blob
/// references keep their content from being collected (see <c>ImageStore.CountReferencesAsync</c>).
/// </summary>
public sealed class ManifestReference
{
    public long ManifestId { get; set; }

    /// <summary>The sha256, 64 lowercase hex characters.</summary>
    public required string Digest { get; set; }

    /// <summary>True for a child manifest of an index (a manifest row, not a blob).</summary>
    public bool IsManifest { get; set; }
}
