using System.Net;

namespace SRegistry.Server.Operations;

/// <summary>
/// The client's address for rate limits and metrics access: the connection's, which the
/// forwarded-headers middleware has already replaced with <c>X-Forwarded-For</c>'s when (and only
/// when) the connection comes from a trusted proxy (<c>ForwardedHeaders:*</c>).
/// </summary>
public sealed class ClientAddresses
{
    public IPAddress? Of(HttpContext context) =>
        context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress;
}
