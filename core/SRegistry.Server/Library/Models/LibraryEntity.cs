namespace SRegistry.Server.Library.Models;

/// <summary>An entity as the library clients read it (scs-library-client's <c>Entity</c>).</summary>
public sealed record LibraryEntity(
    string Id,
    string Name,
    string Description,
    IReadOnlyList<string> Collections,
    long Size,
    long Quota,
    bool DefaultPrivate,
    DateTimeOffset CreatedAt,
    string Owner) : LibraryObject(CreatedAt, Owner);
