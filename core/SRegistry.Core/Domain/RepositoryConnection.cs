namespace SRegistry.Core.Domain;

/// <summary>
/// A source repository (GitHub, …) connected to a collection: its webhooks trigger builds into the
/// collection with the rights of the user who connected it.
/// </summary>
public sealed class RepositoryConnection
{
    public Guid Id { get; set; }
    public long CollectionId { get; set; }
    public Collection Collection { get; set; } = null!;

    /// <summary>The provider key a plugin registered, for example <c>github</c>.</summary>
    public required string Provider { get; set; }

    /// <summary>The repository's full name, for example <c>octo/recipes</c>.</summary>
    public required string Repository { get; set; }

    public required string Container { get; set; }
    public string[] Branches { get; set; } = [];
    public string[] RecipePatterns { get; set; } = [];

    /// <summary>The webhook secret, encrypted with ASP.NET Data Protection (it must be recovered to check signatures).</summary>
    public required string EncryptedSecret { get; set; }

    public long CreatedByUserId { get; set; }
    public User CreatedBy { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }
}
