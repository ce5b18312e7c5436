using System.Reflection;
using System.Runtime.Loader;

namespace SRegistry.PluginHost;

/// <summary>
/// The load context of one plugin. SRegistry.Abstractions and the shared frameworks always come
/// from the host; every other assembly the plugin's <c>.deps.json</c> lists comes from the plugin
/// folder, so a plugin may carry another version of a library the host also uses.
/// </summary>
public sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver resolver;

    /// <summary>Creates the context for the plugin <paramref name="pluginId"/> whose entry assembly is <paramref name="entryAssemblyPath"/>.</summary>
    public PluginLoadContext(string pluginId, string entryAssemblyPath)
        : base(ContextName(pluginId), isCollectible: false)
    {
        resolver = new AssemblyDependencyResolver(entryAssemblyPath);
    }

    /// <summary>The name given to the context of the plugin <paramref name="pluginId"/>.</summary>
    public static string ContextName(string pluginId) => $"plugin:{pluginId}";

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (name is null
            || string.Equals(name, AbstractionsReference.AssemblyName, StringComparison.OrdinalIgnoreCase)
            || SharedFrameworkAssemblies.Contains(name))
        {
            return null;
        }

        var path = resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
