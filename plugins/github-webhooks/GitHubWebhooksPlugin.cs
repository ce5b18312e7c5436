using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions;
using SRegistry.Abstractions.Plugins;
using SRegistry.Abstractions.Sources;
using SRegistry.Plugins.GitHubWebhooks;

[assembly: RegistryPlugin(typeof(GitHubWebhooksPlugin))]

namespace SRegistry.Plugins.GitHubWebhooks;

/// <summary>Builds triggered by GitHub pushes and pull requests, with commit statuses posted back.</summary>
public sealed class GitHubWebhooksPlugin : IRegistryPlugin
{
    /// <summary>The provider key of GitHub connections.</summary>
    public const string ProviderKey = "github";

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddOptions<GitHubWebhooksOptions>().Bind(context.Configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GitHubWebhooksOptions>, GitHubWebhooksOptionsValidator>();
        services.AddHttpClient(GitHubApi.ClientName, (provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<GitHubWebhooksOptions>>().Value;
            client.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
            client.DefaultRequestHeaders.UserAgent.ParseAdd("sregistry-github-webhooks");
            client.Timeout = TimeSpan.FromSeconds(30);
        });
        services.AddSingleton<GitHubTokens>();
        services.AddSingleton<GitHubEventHandler>();
        services.AddSourceProvider(new SourceProvider(ProviderKey, "GitHub", GitHubWebhookEndpoint.Route));
        services.AddBuildObserver<GitHubStatusPublisher>();
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => GitHubWebhookEndpoint.Map(endpoints);
}
