using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SRegistry.Server.Hosting;

/// <summary>Honours <c>X-Forwarded-*</c> from trusted reverse proxies (see <see cref="ProxyOptions"/>).</summary>
public static class ForwardedHeadersRegistration
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(ProxyOptions.SectionName).Get<ProxyOptions>() ?? new ProxyOptions();
        var addresses = proxies.KnownProxies.Select(text => IPAddress.TryParse(text, out var address) ? address
            : throw new RegistryConfigurationException($"ForwardedHeaders:KnownProxies has '{text}', which is not an IP address; write one such as 10.0.0.5.")).ToList();
        var networks = proxies.KnownNetworks.Select(text => System.Net.IPNetwork.TryParse(text, out var network) ? network
            : throw new RegistryConfigurationException($"ForwardedHeaders:KnownNetworks has '{text}', which is not a CIDR network; write one such as 10.0.0.0/24.")).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The defaults (loopback) stay: a proxy on the same machine is the common case.
            foreach (var address in addresses) options.KnownProxies.Add(address);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
        return services;
    }
}
