using Microsoft.AspNetCore.Routing;
using SRegistry.Abstractions.Plugins;

namespace SRegistry.PluginHost;

/// <summary>Lets loaded plugins map their HTTP endpoints, after the host is built.</summary>
public static class PluginEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Calls each plugin's <see cref="IRegistryPlugin.MapEndpoints"/>, in load order. Throws
    /// <see cref="PluginLoadException"/> naming the plugin when one throws.
    /// </summary>
    public static IEndpointRouteBuilder MapPlugins(this IEndpointRouteBuilder endpoints, IEnumerable<LoadedPlugin> plugins)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        foreach (var plugin in plugins)
        {
            try
            {
                plugin.Instance.MapEndpoints(endpoints);
            }
            catch (Exception exception)
            {
                throw new PluginLoadException(plugin.Id, $"Plugin \"{plugin.Id}\" ({plugin.AssemblyPath}) failed to map its endpoints: {exception.GetType().Name}: {exception.Message} Check the {PluginsOptions.SectionName}:{plugin.Id} section of the configuration, or report the error to the plugin's authors.", exception);
            }
        }

        return endpoints;
    }
}
