namespace SRegistry.Server.Library.Models;

/// <summary>
/// An image as the library clients read it. <see cref="Hash"/> is <c>sha256.&lt;hex&gt;</c>; Apptainer
/// compares it with the downloaded file, and <see cref="Uploaded"/> true makes a push skip the upload.
/// </summary>
public sealed record LibraryImage(
    string Id,
    string Hash,
    string Description,
    string Container,
    string ContainerName,
    string Collection,
    string CollectionName,
    string Entity,
    string EntityName,
    long Size,
    bool Uploaded,
    bool Signed,
    bool Encrypted,
    string Arch,
    IReadOnlyList<string> Fingerprints,
    IReadOnlyList<string> Tags,
    string ContainerDescription,
    int ContainerStars,
    long ContainerDownloads,
    DateTimeOffset CreatedAt,
    string Owner) : LibraryObject(CreatedAt, Owner)
{
    public string Blob => Hash;
}
