namespace SRegistry.Core.Domain;

/// <summary>How many requests one client (token, user or address, and read or write) made in one fixed window.</summary>
public sealed class RateLimitCounter
{
    public required string Key { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public long Count { get; set; }
}
