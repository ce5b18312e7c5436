using System.Net;
using Microsoft.Extensions.Options;

namespace SRegistry.Server.Operations;

/// <summary>
/// The client's address: the connection's, or, when the connection comes from a trusted proxy, the
/// right-most <c>X-Forwarded-For</c> entry that is not itself a trusted proxy (entries further left
/// are whatever the client claimed and are never believed).
/// </summary>
public sealed class ClientAddresses(IOptions<ProxyOptions> options)
{
    private readonly NetworkList _trusted = NetworkList.Parse(options.Value.TrustedNetworks, "Proxies:TrustedNetworks").List
        ?? throw new InvalidOperationException("Proxies:TrustedNetworks was not validated at start.");

    public IPAddress? Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true }) address = address.MapToIPv4();
        if (!_trusted.Contains(address)) return address;

        var hops = context.Request.Headers["X-Forwarded-For"].SelectMany(h => (h ?? "").Split(',')).Select(h => h.Trim()).ToList();
        for (var i = hops.Count - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i], out var hop)) return address;
            if (hop.IsIPv4MappedToIPv6) hop = hop.MapToIPv4();
            address = hop;
            if (!_trusted.Contains(hop)) return hop;
        }

        return address;
    }
}
