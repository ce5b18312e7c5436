namespace SRegistry.Core.Domain;

/// <summary>What a user or team may do with a collection. Contributors push; owners also manage and delete.</summary>
public enum CollectionRole
{
    Contributor,
    Owner,
}
