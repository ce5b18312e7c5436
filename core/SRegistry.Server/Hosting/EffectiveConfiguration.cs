using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace SRegistry.Server.Hosting;

/// <summary>
/// The configuration the server uses, as people read it: resolved paths and providers first, then
/// every set value of the registry's sections, with secrets masked. <c>admin config show</c> prints it
/// and the admin settings page shows it, so both say the same thing.
/// </summary>
public static partial class EffectiveConfiguration
{
    private static readonly string[] Sections = ["Database", "Storage", "Builds", "Plugins", "Registry", "Accounts", "Library", "Oci", "SRegistryCli", "Uploads", "Sharing", "ForwardedHeaders", "Logging", "GarbageCollection", "Quotas", "RateLimits", "Metrics"];

    /// <summary>Setting names and values in display order; no value is a secret.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Describe(IConfiguration configuration)
    {
        var settings = RegistrySettings.From(configuration);
        List<KeyValuePair<string, string>> lines =
        [
            new("Data", settings.DataDirectory),
            new("Database", settings.DatabaseConnectionString is null ? "embedded PostgreSQL in " + settings.DatabaseDirectory : "external"),
            new("Storage:Provider", settings.StorageProvider),
            new("Storage:FileSystem:Path", settings.BlobDirectory),
            new("Builds:Provider", settings.BuildProvider.Length == 0 ? "(none)" : settings.BuildProvider),
            new("Plugins:Directory", settings.PluginDirectory),
            new("Plugins:Enabled", string.Join(", ", settings.EnabledPlugins)),
            new("urls", configuration[WebHostDefaults.ServerUrlsKey] ?? RegistryServer.DefaultUrl),
        ];
        lines.AddRange(configuration.AsEnumerable().Where(Shown).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new KeyValuePair<string, string>(kv.Key, Mask(kv.Key, kv.Value!))));
        return lines;
    }

    private static bool Shown(KeyValuePair<string, string?> setting) =>
        !string.IsNullOrEmpty(setting.Value) && Sections.Any(s => setting.Key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase));

    private static string Mask(string key, string value) =>
        SecretKey().IsMatch(key) ? "***" : ConnectionStringPassword().Replace(value, "$1***");

    [GeneratedRegex("(password|secret|token|key)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();

    [GeneratedRegex("((?:password|pwd)\\s*=\\s*)[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPassword();
}
