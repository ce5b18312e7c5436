using SRegistry.Core.Domain;

namespace SRegistry.Server.Api.Models;

/// <summary>An image: one content (by sha256) for one architecture, with what was read from the SIF.</summary>
public sealed record ApiImage(
    long Id, string Container, string Digest, long Size, string Arch, string MediaType, bool Uploaded, bool Signed, bool Encrypted,
    IReadOnlyList<string> Fingerprints, string? Description, long DownloadCount, IReadOnlyList<ApiTag> Tags,
    IReadOnlyDictionary<string, string> Labels, DateTimeOffset CreatedAt, DateTimeOffset? UploadedAt)
{
    public static ApiImage From(Image i) => new(
        i.Id, $"{i.Container.Collection.Entity.Name}/{i.Container.Collection.Name}/{i.Container.Name}", "sha256:" + i.Digest, i.Size, i.Arch,
        i.MediaType, i.Uploaded, i.Signed, i.Encrypted, i.Fingerprints, i.Description, i.DownloadCount,
        [.. i.Tags.OrderBy(t => t.Name, StringComparer.Ordinal).Select(ApiTag.From)],
        i.Labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal), i.CreatedAt, i.UploadedAt);
}
