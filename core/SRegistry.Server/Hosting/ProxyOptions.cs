namespace SRegistry.Server.Hosting;

/// <summary>
/// Which reverse proxies may tell the server the client's address, scheme and host with
/// <c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c> (section <c>ForwardedHeaders</c>).
/// The server builds absolute URLs (upload URLs, download URLs, token realms) from the scheme and host,
/// so behind a TLS-terminating proxy they must be the proxy's. Loopback is always trusted; requests
/// from anywhere else have those headers ignored unless their address is listed here.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, such as <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, such as <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];
}
