using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SRegistry.Core.Persistence;
using SRegistry.Server.Uploads;

namespace SRegistry.Server.SRegistryCli;

/// <summary>The sregistry-cli API (<c>SREGISTRY_CLIENT=registry</c>) and shub://, as protocols.md §2–3 describe them.</summary>
public static class SRegistryCliEndpoints
{
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">Its configuration (section <c>SRegistryCli</c>).</param>
    /// <param name="dataDirectory">The data directory: keys go to <c>keys/</c>, pushed files wait in <c>uploads/</c>.</param>
    public static IServiceCollection AddSRegistryCliApi(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var keys = Path.Combine(dataDirectory, "keys");
        services.AddOptions<SRegistryCliOptions>()
            .Bind(configuration.GetSection(SRegistryCliOptions.SectionName))
            .PostConfigure(o =>
            {
                o.KeyFile = o.KeyFile.Length > 0 ? Path.GetFullPath(o.KeyFile) : Path.Combine(keys, "sregistry-cli.key");
                o.SpoolDirectory = o.SpoolDirectory.Length > 0 ? Path.GetFullPath(o.SpoolDirectory)
                    : configuration["Uploads:Directory"] is { Length: > 0 } uploads ? Path.GetFullPath(uploads)
                    : Path.Combine(dataDirectory, "uploads");
            })
            .Validate(o => o.DownloadUrlLifetime > TimeSpan.Zero, "SRegistryCli:DownloadUrlLifetime must be positive.")
            .ValidateOnStart();

        // Download tickets are sealed with Data Protection; its keys live with the data so they survive
        // restarts, and instances sharing the data directory share them.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("SRegistry");
        services.AddSingleton<ISRegistryCliServerKey, SRegistryCliKeyFile>();
        services.AddSingleton<SRegistryCliKeys>();
        services.AddSingleton<DownloadUrls>();
        services.AddScoped<HmacAuthenticator>();
        services.AddSpooledPush();
        services.AddScoped<CliQueries>();
        return services;
    }

    /// <summary>
    /// Keeps the sregistry-cli server key in the database instead of <c>&lt;data&gt;/keys</c>, so instances
    /// sharing an external database share it. Used with an external database, after
    /// <see cref="AddSRegistryCliApi"/>; an explicitly configured <c>SRegistryCli:KeyFile</c> still wins.
    /// </summary>
    public static IServiceCollection AddSRegistryCliDatabaseKey(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[$"{SRegistryCliOptions.SectionName}:{nameof(SRegistryCliOptions.KeyFile)}"] is { Length: > 0 })
            return services;
        services.AddSingleton<DatabaseServerKeys>();
        services.Replace(ServiceDescriptor.Singleton<ISRegistryCliServerKey, SRegistryCliDatabaseKey>());
        return services;
    }

    public static IEndpointRouteBuilder MapSRegistryCliApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSRegistryCliPush()
            .MapSRegistryCliContainers()
            .MapSRegistryCliDownloads()
            .MapSRegistryCliSearch()
            .MapSRegistryCliTokens();
        return endpoints;
    }
}
