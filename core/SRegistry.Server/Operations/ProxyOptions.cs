namespace SRegistry.Server.Operations;

/// <summary>Bound from <c>Proxies</c>: which reverse proxies may say who the client is.</summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Proxies";

    /// <summary>
    /// Networks of reverse proxies whose <c>X-Forwarded-For</c> is believed. Empty (the default): the
    /// header is ignored and the client is the connection's address, so nobody can pose as another
    /// address to escape a rate limit or reach <c>/metrics</c>.
    /// </summary>
    public List<string> TrustedNetworks { get; set; } = [];
}
