using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Storage;
using SRegistry.Core;
using SRegistry.Core.Accounts;
using SRegistry.Core.Builds;
using SRegistry.Core.Catalog;
using SRegistry.Core.Oci;
using SRegistry.Core.Sharing;
using SRegistry.Core.Storage;
using SRegistry.Core.Uploads;
using SRegistry.PluginHost;
using SRegistry.Storage.S3;
using SRegistry.Server.Operations;

namespace SRegistry.Server.Hosting;

/// <summary>Everything the server and the admin command line share: core services, storage, plugins.</summary>
public static class RegistryComposition
{
    /// <summary>
    /// Registers the core, the built-in providers and every enabled plugin, then picks the blob store
    /// and build backend that configuration names. Touches no database, so a bad configuration is
    /// refused before anything starts. Returns the loaded plugins so the server can map their endpoints.
    /// </summary>
    public static IReadOnlyList<LoadedPlugin> AddRegistry(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment,
        RegistrySettings settings,
        ILogger logger)
    {
        services.AddRegistryCore();
        services.AddCoreOptions(configuration, settings);
        services.AddRegistryOperations(configuration);
        services.AddFileSystemBlobStore(new FileSystemBlobStoreOptions { Path = settings.BlobDirectory });
        services.AddS3BlobStore(configuration.GetSection(S3BlobStoreOptions.SectionName));

        var plugins = new PluginLoader(new PluginsOptions { Directory = settings.PluginDirectory, Enabled = [.. settings.EnabledPlugins] }, logger).Load();
        services.AddPlugins(plugins, configuration, environment);

        var store = ProviderSelection.Select<BlobStoreProvider>(services, "Storage:Provider", settings.StorageProvider, p => p.Key);
        services.AddSingleton(store.Create);
        if (store.Key == S3BlobStore.ProviderKey) services.AddS3DirectTransfers(configuration);
        if (settings.BuildProvider.Length > 0)
        {
            var backend = ProviderSelection.Select<BuildBackendProvider>(services, "Builds:Provider", settings.BuildProvider, p => p.Key);
            services.AddSingleton(backend.Create);
        }

        return plugins;
    }

    // Bound once for every door; validated at start, so a bad value stops the server with a message
    // instead of failing the first request that needs it.
    private static void AddCoreOptions(this IServiceCollection services, IConfiguration configuration, RegistrySettings settings)
    {
        services.AddOptions<CatalogOptions>().Bind(configuration.GetSection(CatalogOptions.SectionName)).ValidateOnStart();
        services.AddOptions<UploadOptions>()
            .Bind(configuration.GetSection("Uploads"))
            .PostConfigure(o => o.Directory = o.Directory.Length > 0 ? Path.GetFullPath(o.Directory) : settings.UploadDirectory)
            .Validate(o => o.UrlLifetime > TimeSpan.Zero, "Uploads:UrlLifetime must be a positive time span such as 00:15:00.")
            .Validate(o => o.MultipartPartSize > 0, "Uploads:MultipartPartSize must be a positive number of bytes.")
            .ValidateOnStart();
        services.AddOptions<ExternalAccountOptions>().Bind(configuration.GetSection(ExternalAccountOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SharingOptions>()
            .Bind(configuration.GetSection(SharingOptions.SectionName))
            .Validate(o => o.MaxLifetime >= SharingOptions.MinLifetime, $"Sharing:MaxLifetime must be at least {SharingOptions.MinLifetime}, such as 30.00:00:00.")
            .ValidateOnStart();
        services.AddOptions<OciOptions>()
            .Bind(configuration.GetSection(OciOptions.SectionName))
            .Validate(o => o.UploadLifetime > TimeSpan.Zero, "Oci:UploadLifetime must be a positive time span such as 01:00:00.")
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "Oci:TokenLifetime must be a positive time span such as 00:05:00.")
            .Validate(o => o.MaxManifestSize > 0, "Oci:MaxManifestSize must be a positive number of bytes.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Service), "Oci:Service must name the registry service for tokens, e.g. sregistry.")
            .ValidateOnStart();
        services.AddOptions<BuildOptions>()
            .Bind(configuration.GetSection(BuildOptions.SectionName))
            .Validate(o => o.MaxConcurrent > 0, "Builds:MaxConcurrent must be a positive number of builds that may run at once.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Builds:PollInterval must be a positive time span such as 00:00:05.")
            .ValidateOnStart();
    }
}
