namespace SRegistry.Server.Library.Models;

/// <summary>A collection as the library clients read it.</summary>
public sealed record LibraryCollection(
    string Id,
    string Name,
    string Description,
    string Entity,
    string EntityName,
    IReadOnlyList<string> Containers,
    long Size,
    bool Private,
    DateTimeOffset CreatedAt,
    string Owner) : LibraryObject(CreatedAt, Owner);
