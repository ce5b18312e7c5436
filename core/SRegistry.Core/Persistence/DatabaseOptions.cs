namespace SRegistry.Core.Persistence;

/// <summary>Where the registry's metadata lives, bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// An Npgsql connection string to an external PostgreSQL server (needed to run more than one instance).
    /// Empty means the embedded cluster the server starts in its data directory.
    /// </summary>
    public string? ConnectionString { get; set; }
}
