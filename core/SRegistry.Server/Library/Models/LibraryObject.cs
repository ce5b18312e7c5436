namespace SRegistry.Server.Library.Models;

/// <summary>The audit fields every library object carries; deletions are real, so these stay zero.</summary>
public abstract record LibraryObject(DateTimeOffset CreatedAt, string Owner)
{
    public bool Deleted => false;
    public string CreatedBy => Owner;
    public DateTimeOffset UpdatedAt => CreatedAt;
    public string UpdatedBy => Owner;
    public DateTimeOffset DeletedAt => DateTimeOffset.MinValue;
    public string CustomData => "";
}
