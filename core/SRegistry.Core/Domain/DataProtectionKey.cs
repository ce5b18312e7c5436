namespace SRegistry.Core.Domain;

/// <summary>
/// One key of ASP.NET Data Protection's key ring (sealed download tickets, sign-in cookies, antiforgery
/// tokens), kept in the database so that every server instance on it reads and writes one ring.
/// </summary>
public sealed class DataProtectionKey
{
    public long Id { get; set; }

    /// <summary>The name Data Protection gives the key (<c>key-&lt;guid&gt;</c>).</summary>
    public string FriendlyName { get; set; } = "";

    /// <summary>The key's XML element as Data Protection wrote it.</summary>
    public string Xml { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
