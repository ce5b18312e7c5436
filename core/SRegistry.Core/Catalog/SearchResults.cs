using SRegistry.Core.Domain;

namespace SRegistry.Core.Catalog;

/// <summary>What a search found, each list holding only what the caller may see and at most <see cref="CatalogSearch.Limit"/> items.</summary>
/// <param name="Entities">Entities by name or description.</param>
/// <param name="Collections">Collections by name or description, with their entity.</param>
/// <param name="Containers">Containers by name or description, with their collection and entity.</param>
/// <param name="Images">Uploaded images whose container name, a tag or a label matches, with container, collection, entity and tags.</param>
public sealed record SearchResults(
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<Collection> Collections,
    IReadOnlyList<Container> Containers,
    IReadOnlyList<Image> Images);
