using Microsoft.AspNetCore.DataProtection;
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
                o.SpoolDirectory = o.SpoolDirectory.Length > 0 ? Path.GetFullPath(o.SpoolDirectory) : Path.Combine(dataDirectory, "uploads");
            })
            .Validate(o => o.DownloadUrlLifetime > TimeSpan.Zero, "SRegistryCli:DownloadUrlLifetime must be positive.")
            .ValidateOnStart();

        // Download tickets are sealed with Data Protection; its keys live with the data so they survive
        // restarts, and instances sharing the data directory share them.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("SRegistry");
        services.AddSingleton<SRegistryCliKeys>();
        services.AddSingleton<DownloadUrls>();
        services.AddScoped<HmacAuthenticator>();
        services.AddSpooledPush();
        services.AddScoped<CliQueries>();
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
