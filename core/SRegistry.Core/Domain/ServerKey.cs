namespace SRegistry.Core.Domain;

/// <summary>
/// A secret every server instance on the database must share, such as the sregistry-cli server key.
/// Its value is stored as the caller sealed it (with Data Protection), never in plaintext.
/// </summary>
public sealed class ServerKey
{
    /// <summary>What the key is for; one row per name.</summary>
    public required string Name { get; set; }

    /// <summary>The sealed key.</summary>
    public required byte[] Value { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
