using Microsoft.Extensions.Configuration;

namespace SRegistry.Server.Hosting;

/// <summary>
/// Where things live, resolved once from configuration: every path defaults to a folder of the
/// data directory, so one directory holds a whole embedded registry.
/// </summary>
public sealed record RegistrySettings(
    string DataDirectory,
    string? DatabaseConnectionString,
    string StorageProvider,
    string BlobDirectory,
    string BuildProvider,
    string PluginDirectory,
    IReadOnlyList<string> EnabledPlugins)
{
    /// <summary>Reads <c>Data</c> (<c>--data</c>, <c>SREGISTRY_DATA</c>) and the sections that default inside it.</summary>
    public static RegistrySettings From(IConfiguration configuration)
    {
        var data = Path.GetFullPath(NonEmpty(configuration["Data"]) ?? DefaultDataDirectory());
        return new RegistrySettings(
            data,
            NonEmpty(configuration["Database:ConnectionString"]),
            NonEmpty(configuration["Storage:Provider"]) ?? "filesystem",
            FullPath(configuration["Storage:FileSystem:Path"]) ?? Path.Combine(data, "blobs"),
            NonEmpty(configuration["Builds:Provider"]) ?? "",
            FullPath(configuration["Plugins:Directory"]) ?? Path.Combine(data, "plugins"),
            configuration.GetSection("Plugins:Enabled").Get<string[]>() ?? []);
    }

    /// <summary>The embedded PostgreSQL cluster, used when no connection string is configured.</summary>
    public string DatabaseDirectory => Path.Combine(DataDirectory, "postgres");

    /// <summary>Where parts of multipart uploads wait until the upload completes.</summary>
    public string UploadDirectory => Path.Combine(DataDirectory, "uploads");

    // root runs as a service: /var/lib is where services keep state and the postgres account can reach it.
    private static string DefaultDataDirectory() =>
        Environment.UserName == "root"
            ? "/var/lib/sregistry"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "sregistry");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? FullPath(string? value) => NonEmpty(value) is { } path ? Path.GetFullPath(path) : null;
}
