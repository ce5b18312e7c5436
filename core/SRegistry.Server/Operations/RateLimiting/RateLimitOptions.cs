namespace SRegistry.Server.Operations.RateLimiting;

/// <summary>Bound from <c>RateLimits</c>: requests per client per fixed window, reads and writes apart.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Off by default: a personal registry on one machine has nobody to limit.</summary>
    public bool Enabled { get; set; }

    /// <summary>The length of one counting window; windows start at multiples of it since the Unix epoch.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>GET, HEAD and OPTIONS requests per client per window.</summary>
    public long ReadLimit { get; set; } = 1200;

    /// <summary>Every other request per client per window.</summary>
    public long WriteLimit { get; set; } = 300;

    /// <summary>Client networks never limited (for example a cluster whose nodes share one NAT address).</summary>
    public List<string> ExemptNetworks { get; set; } = [];
}
