namespace SRegistry.Core.Domain;

/// <summary>A named job that one instance at a time may run, until <see cref="ExpiresAt"/>.</summary>
public sealed class Lease
{
    public required string Name { get; set; }

    /// <summary>Which instance holds it (host name and process id).</summary>
    public required string Holder { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
