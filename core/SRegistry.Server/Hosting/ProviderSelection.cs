using Microsoft.Extensions.DependencyInjection;

namespace SRegistry.Server.Hosting;

/// <summary>Picks the provider a setting names among those registered (by the core or by plugins).</summary>
public static class ProviderSelection
{
    /// <summary>
    /// Returns the registered provider whose key equals <paramref name="key"/>; refuses unknown and
    /// ambiguous keys, naming what exists. There is never a silent fallback.
    /// </summary>
    public static T Select<T>(IServiceCollection services, string setting, string key, Func<T, string> keyOf)
        where T : class
    {
        var registered = services
            .Where(d => d.ServiceType == typeof(T) && d.ImplementationInstance is T)
            .Select(d => (T)d.ImplementationInstance!)
            .ToList();
        var matches = registered.Where(p => string.Equals(keyOf(p), key, StringComparison.Ordinal)).ToList();
        var available = registered.Count == 0 ? "none" : string.Join(", ", registered.Select(keyOf).Order());
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new RegistryConfigurationException(
                $"{setting} is '{key}', but no provider of that name is registered (available: {available}). " +
                $"Set {setting} to one of those, or enable the plugin that provides '{key}' in Plugins:Enabled."),
            _ => throw new RegistryConfigurationException(
                $"{setting} '{key}' is registered by {matches.Count} providers; enable only one plugin that provides it."),
        };
    }
}
