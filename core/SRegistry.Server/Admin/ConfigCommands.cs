using System.CommandLine;
using System.Text.RegularExpressions;
using SRegistry.Server.Hosting;

namespace SRegistry.Server.Admin;

/// <summary><c>admin config show</c>: the effective configuration, secrets masked.</summary>
public static partial class ConfigCommands
{
    private static readonly string[] Sections = ["Database", "Storage", "Builds", "Plugins", "Logging"];

    public static Command Create(Option<string?> data)
    {
        var show = new Command("show", "Print the configuration the server would use, with resolved paths; secrets are masked.");
        show.SetAction(parse =>
        {
            var configuration = AdminSession.ReadConfiguration(parse.GetValue(data));
            var settings = RegistrySettings.From(configuration);
            Console.WriteLine($"Data = {settings.DataDirectory}");
            Console.WriteLine($"Database = {(settings.DatabaseConnectionString is null ? "embedded PostgreSQL in " + settings.DatabaseDirectory : "external")}");
            Console.WriteLine($"Storage:Provider = {settings.StorageProvider}");
            Console.WriteLine($"Storage:FileSystem:Path = {settings.BlobDirectory}");
            Console.WriteLine($"Builds:Provider = {(settings.BuildProvider.Length == 0 ? "(none)" : settings.BuildProvider)}");
            Console.WriteLine($"Plugins:Directory = {settings.PluginDirectory}");
            Console.WriteLine($"Plugins:Enabled = {string.Join(", ", settings.EnabledPlugins)}");
            Console.WriteLine($"urls = {configuration[WebHostDefaults.ServerUrlsKey] ?? RegistryServer.DefaultUrl}");
            foreach (var (key, value) in configuration.AsEnumerable().Where(Shown).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"{key} = {Mask(key, value!)}");
            }

            return 0;
        });
        return new Command("config", "Inspect configuration.") { show };
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
