using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions.Plugins;
using SRegistry.Plugins.Saml;

[assembly: RegistryPlugin(typeof(SamlPlugin))]

namespace SRegistry.Plugins.Saml;

/// <summary>SAML 2.0 single sign-on.</summary>
public sealed class SamlPlugin : IRegistryPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddOptions<SamlOptions>()
            .Bind(context.Configuration)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
