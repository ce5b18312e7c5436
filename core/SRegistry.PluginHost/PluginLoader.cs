using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace SRegistry.PluginHost;

/// <summary>
/// Loads the plugins listed in <see cref="PluginsOptions.Enabled"/>, each from its own folder into
/// its own <see cref="PluginLoadContext"/>. Any problem stops the load with a
/// <see cref="PluginLoadException"/>: the server never starts with a plugin silently missing.
/// </summary>
public sealed partial class PluginLoader
{
    private readonly PluginsOptions options;
    private readonly ILogger logger;

    /// <summary>Creates a loader for the given options, logging one line per loaded plugin.</summary>
    public PluginLoader(PluginsOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options;
        this.logger = logger;
    }

    /// <summary>
    /// Loads every enabled plugin, in the order listed, and creates its entry type. Runs no plugin
    /// code other than the entry type's constructor. Throws <see cref="PluginLoadException"/> on
    /// the first plugin that cannot be loaded.
    /// </summary>
    public IReadOnlyList<LoadedPlugin> Load()
    {
        var enabled = options.Enabled ?? [];
        CheckIds(enabled);
        if (enabled.Length == 0)
        {
            return [];
        }

        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            throw new PluginLoadException(enabled[0], $"Plugin \"{enabled[0]}\" is enabled, but Plugins:Directory is empty. Set Plugins:Directory to the folder that holds one published plugin per sub-folder.");
        }

        var root = Path.GetFullPath(options.Directory);
        var plugins = new List<LoadedPlugin>(enabled.Length);
        foreach (var id in enabled)
        {
            var plugin = LoadOne(root, id);
            PluginLoaderLog.PluginLoaded(logger, plugin.Id, plugin.Manifest.Version, plugin.Directory);
            plugins.Add(plugin);
        }

        return plugins;
    }

    private static LoadedPlugin LoadOne(string root, string id)
    {
        var directory = Path.Combine(root, id);
        if (!Directory.Exists(directory))
        {
            throw FolderMissing(root, id, directory);
        }

        var manifest = PluginManifest.Read(id, directory);
        var entryAssemblyPath = PluginAssemblyChecks.Run(manifest, directory);
        var context = new PluginLoadContext(id, entryAssemblyPath);
        var (assembly, instance) = PluginEntryPoint.Create(id, entryAssemblyPath, context);
        return new LoadedPlugin(manifest, directory, assembly, instance);
    }

    private static PluginLoadException FolderMissing(string root, string id, string directory)
    {
        var existing = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : null;
        var found = existing switch
        {
            null => $"The plugins directory {root} does not exist.",
            [] => $"The plugins directory {root} holds no plugin folders.",
            _ => $"Plugin folders in {root}: {string.Join(", ", existing)}.",
        };
        return new PluginLoadException(id, $"Plugin \"{id}\" is enabled in Plugins:Enabled, but its folder {directory} does not exist. {found} Publish the plugin there (dotnet publish plugins/{id} -o {directory}) or remove \"{id}\" from Plugins:Enabled.");
    }

    private static void CheckIds(string[] enabled)
    {
        // Configuration keys ignore case, so "Hello" and "hello" would share Plugins:hello.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in enabled)
        {
            if (id is null || !PlainFolderName().IsMatch(id) || id.Contains("..", StringComparison.Ordinal))
            {
                throw new PluginLoadException(id ?? "", $"Plugins:Enabled lists \"{id}\", which is not a plugin id. A plugin id is the plain name of a folder inside Plugins:Directory (letters, digits, '-', '_' and '.', no '/' or '..'); correct the entry.");
            }

            if (id.Equals(nameof(PluginsOptions.Directory), StringComparison.OrdinalIgnoreCase)
                || id.Equals(nameof(PluginsOptions.Enabled), StringComparison.OrdinalIgnoreCase))
            {
                throw new PluginLoadException(id, $"Plugins:Enabled lists \"{id}\", but Plugins:{id} is a setting of the plugin loader and cannot hold a plugin's configuration. Rename the plugin (its folder and the id in its plugin.json).");
            }

            if (!seen.Add(id))
            {
                throw new PluginLoadException(id, $"Plugins:Enabled lists the plugin \"{id}\" more than once. Remove the duplicate entry.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex PlainFolderName();
}
