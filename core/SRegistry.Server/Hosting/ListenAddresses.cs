using System.Net;

namespace SRegistry.Server.Hosting;

/// <summary>
/// The addresses the server listens on (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, else loopback only). Plain
/// HTTP beyond this machine sends passwords, tokens and sessions in clear, so it is worth a warning.
/// </summary>
public static class ListenAddresses
{
    /// <summary>The <c>http://</c> addresses in <paramref name="urls"/> (semicolon-separated) that other machines can reach.</summary>
    public static IReadOnlyList<string> ExposedPlainHttp(string urls) =>
        [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(url => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !IsLoopback(HostOf(url)))];

    /// <summary>Logs one warning per exposed plain-HTTP address.</summary>
    public static void WarnIfExposed(string urls, ILogger logger)
    {
        foreach (var url in ExposedPlainHttp(urls))
            logger.LogWarning(
                "Listening on {Url} over plain HTTP, reachable from other machines: passwords and tokens would cross the network in clear. " +
                "Put a TLS-terminating reverse proxy in front (and listen on 127.0.0.1), or listen on https://",
                url);
    }

    // "http://host:port/path" → "host"; "[::1]" keeps its brackets off.
    private static string HostOf(string url)
    {
        var rest = url["http://".Length..];
        var end = rest.IndexOf('/');
        var authority = end < 0 ? rest : rest[..end];
        if (authority.StartsWith('['))
            return authority[1..Math.Max(1, authority.IndexOf(']'))];
        var colon = authority.LastIndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }

    // "*", "+" and 0.0.0.0 mean every interface; names other than localhost may resolve anywhere.
    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
