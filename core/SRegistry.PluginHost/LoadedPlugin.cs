using System.Reflection;
using SRegistry.Abstractions.Plugins;

namespace SRegistry.PluginHost;

/// <summary>A plugin whose entry type has been created, ready to configure services.</summary>
/// <param name="Manifest">Its <c>plugin.json</c>.</param>
/// <param name="Directory">The full path of its folder.</param>
/// <param name="Assembly">Its entry assembly, loaded in the plugin's own load context.</param>
/// <param name="Instance">The entry type named by its <see cref="RegistryPluginAttribute"/>.</param>
public sealed record LoadedPlugin(PluginManifest Manifest, string Directory, Assembly Assembly, IRegistryPlugin Instance)
{
    /// <summary>The plugin id (the folder name).</summary>
    public string Id => Manifest.Id;

    /// <summary>The full path of the entry assembly.</summary>
    public string AssemblyPath => Path.Combine(Directory, Manifest.Assembly);
}
