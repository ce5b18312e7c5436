namespace SRegistry.Server.Library.Models;

/// <summary>A container as the library clients read it, with its tags both ways (plain and per arch).</summary>
public sealed record LibraryContainer(
    string Id,
    string Name,
    string Description,
    string FullDescription,
    string Collection,
    string CollectionName,
    string Entity,
    string EntityName,
    IReadOnlyList<string> Images,
    IReadOnlyDictionary<string, string> ImageTags,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ArchTags,
    long Size,
    long DownloadCount,
    int Stars,
    bool Private,
    bool ReadOnly,
    DateTimeOffset CreatedAt,
    string Owner) : LibraryObject(CreatedAt, Owner);
