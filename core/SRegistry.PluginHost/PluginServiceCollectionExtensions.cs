using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SRegistry.Abstractions.Plugins;

namespace SRegistry.PluginHost;

/// <summary>Lets loaded plugins register their services, before the host is built.</summary>
public static class PluginServiceCollectionExtensions
{
    /// <summary>
    /// Calls each plugin's <see cref="IRegistryPlugin.ConfigureServices"/>, in load order, with its
    /// own configuration section <c>Plugins:{id}</c>. Throws <see cref="PluginLoadException"/>
    /// naming the plugin when one throws.
    /// </summary>
    public static IServiceCollection AddPlugins(
        this IServiceCollection services,
        IEnumerable<LoadedPlugin> plugins,
        IConfiguration configuration,
        IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var plugin in plugins)
        {
            var section = configuration.GetSection(PluginsOptions.SectionName).GetSection(plugin.Id);
            var context = new PluginContext(plugin.Id, section, plugin.Directory, environment);
            try
            {
                plugin.Instance.ConfigureServices(services, context);
            }
            catch (Exception exception)
            {
                throw new PluginLoadException(plugin.Id, $"Plugin \"{plugin.Id}\" ({plugin.AssemblyPath}) failed to configure its services: {exception.GetType().Name}: {exception.Message} Check the {section.Path} section of the configuration.", exception);
            }
        }

        return services;
    }
}
