using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SRegistry.Abstractions.Plugins;

/// <summary>The entry point of a plugin assembly, named by <see cref="RegistryPluginAttribute"/>.</summary>
/// <remarks>The host creates one instance per enabled plugin with a public parameterless constructor.</remarks>
public interface IRegistryPlugin
{
    /// <summary>
    /// Registers the plugin's services. Called once, before the host is built. Must bind its options
    /// only from <see cref="PluginContext.Configuration"/> and validate them on start; must not start
    /// work or open connections here. An exception stops the server with a message naming the plugin.
    /// </summary>
    void ConfigureServices(IServiceCollection services, PluginContext context);

    /// <summary>
    /// Maps the plugin's HTTP endpoints, if any. Called once after the host is built. Routes should
    /// live under a path that names the plugin (for example <c>/plugins/{id}/…</c>) unless a protocol
    /// fixes the path.
    /// </summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
