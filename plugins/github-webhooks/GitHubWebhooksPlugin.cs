using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions.Plugins;
using SRegistry.Plugins.GitHubWebhooks;

[assembly: RegistryPlugin(typeof(GitHubWebhooksPlugin))]

namespace SRegistry.Plugins.GitHubWebhooks;

/// <summary>Builds triggered by GitHub pushes and pull requests.</summary>
public sealed class GitHubWebhooksPlugin : IRegistryPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddOptions<GitHubWebhooksOptions>()
            .Bind(context.Configuration)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
