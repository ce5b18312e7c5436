using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions.Plugins;
using SRegistry.TestPlugins.Faulty;

[assembly: RegistryPlugin(typeof(FaultyPlugin))]

namespace SRegistry.TestPlugins.Faulty;

/// <summary>Stands for a plugin that rejects its configuration while registering services.</summary>
public sealed class FaultyPlugin : IRegistryPlugin
{
    /// <summary>The message of the exception <see cref="ConfigureServices"/> throws.</summary>
    public const string FailureMessage = "The faulty test plugin refuses to configure its services.";

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        throw new InvalidOperationException(FailureMessage);
}
