using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions;
using SRegistry.Abstractions.Plugins;
using SRegistry.Plugins.GoogleBuild;
using SRegistry.Plugins.GoogleBuild.Builds;
using SRegistry.Plugins.GoogleBuild.Google;
using SRegistry.Plugins.GoogleBuild.Storage;
using SRegistry.Abstractions.Hosting;

[assembly: RegistryPlugin(typeof(GoogleBuildPlugin))]

namespace SRegistry.Plugins.GoogleBuild;

/// <summary>
/// Google Cloud Build backend (<c>Builds:Provider = google-cloud-build</c>) and Google Cloud Storage
/// blob store (<c>Storage:Provider = google-cloud-storage</c>); either, both or neither may be chosen.
/// </summary>
public sealed class GoogleBuildPlugin : IRegistryPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        services.AddOptions<GoogleBuildOptions>()
            .Bind(context.Configuration)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GoogleBuildOptions>, GoogleBuildOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<GoogleAccess>();
        services.AddTransient<GoogleBearerTokenHandler>();
        services.AddHttpClient(GoogleCloudStorageClient.HttpClientName)
            .AddHttpMessageHandler<GoogleBearerTokenHandler>()
            // Four log lines per request would bury the registry's own (a gibibyte is 128 chunks); failures surface as exceptions.
            .RemoveAllLoggers()
            // Resumable uploads answer 308 without a Location; it is a status to read, not a redirect.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        services.AddSingleton<GoogleCloudStorageClient>();
        services.AddSingleton<V4UrlSigner>();
        services.AddSingleton<GoogleCloudStorageBlobStore>();
        services.AddBlobStoreProvider(GoogleCloudStorageBlobStore.ProviderKey, sp => sp.GetRequiredService<GoogleCloudStorageBlobStore>());

        services.AddSingleton<CloudBuildClient>();
        services.AddSingleton<CloudBuildCompletion>();
        services.AddSingleton<CloudBuildBackend>();
        services.AddSingleton<CloudBuildCallbackEndpoint>();
        services.AddHostedService<CloudBuildPoller>();
        services.AddBuildBackend(CloudBuildBackend.ProviderKey, sp => sp.GetRequiredService<CloudBuildBackend>());
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(CloudBuildCallbackEndpoint.Path, (HttpContext context, [FromServices] CloudBuildCallbackEndpoint callback) => callback.HandleAsync(context))
            .WithMetadata(new PublicInPrivateModeAttribute()) // checks its own secret
            .ExcludeFromDescription();
}
