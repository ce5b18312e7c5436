namespace SRegistry.Core.Domain;

/// <summary>
/// A blob uploaded (or mounted) into a container through the OCI door. Blobs are shared by content,
/// so this link is what lets a repository serve a blob without exposing another repository's content
/// to whoever knows its digest; it also counts as a reference, so an upload is not collected before
/// the manifest that names it arrives.
/// </summary>
public sealed class RepositoryBlob
{
    public long ContainerId { get; set; }

    /// <summary>The sha256, 64 lowercase hex characters.</summary>
    public required string Digest { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
