using System.Net;

namespace SRegistry.Server.Operations;

/// <summary>A list of CIDR networks (<c>10.0.0.0/8</c>, <c>::1/128</c>, or a bare address) from configuration.</summary>
public sealed class NetworkList
{
    private readonly IPNetwork[] _networks;

    private NetworkList(IPNetwork[] networks) => _networks = networks;

    /// <summary>Parses every entry; the error names the first one that is not a network, for start-up validation.</summary>
    public static (NetworkList? List, string? Error) Parse(IEnumerable<string> entries, string setting)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            var text = entry.Trim();
            if (!text.Contains('/') && IPAddress.TryParse(text, out var single))
                text += single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "/32" : "/128";
            if (!IPNetwork.TryParse(text, out var network))
                return (null, $"{setting} has '{entry}', which is not a network such as 10.0.0.0/8 or ::1/128.");
            networks.Add(network);
        }

        return (new NetworkList([.. networks]), null);
    }

    /// <summary>Whether the address is in one of the networks (IPv4-mapped IPv6 addresses count as IPv4).</summary>
    public bool Contains(IPAddress? address)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return _networks.Any(n => n.Contains(address));
    }
}
