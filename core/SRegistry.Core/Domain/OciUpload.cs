namespace SRegistry.Core.Domain;

/// <summary>
/// An OCI blob upload under way. Its bytes so far are a file in the upload directory, named by
/// <see cref="Id"/> (the file's length is the upload's offset); the row is what makes it live, so any
/// server instance sharing the directory can take the next chunk.
/// </summary>
public sealed class OciUpload
{
    public Guid Id { get; set; }
    public long ContainerId { get; set; }
    public long CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
