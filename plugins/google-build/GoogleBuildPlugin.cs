using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions.Plugins;
using SRegistry.Plugins.GoogleBuild;

[assembly: RegistryPlugin(typeof(GoogleBuildPlugin))]

namespace SRegistry.Plugins.GoogleBuild;

/// <summary>Google Cloud Build backend and Google Cloud Storage blob store.</summary>
public sealed class GoogleBuildPlugin : IRegistryPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddOptions<GoogleBuildOptions>()
            .Bind(context.Configuration)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
