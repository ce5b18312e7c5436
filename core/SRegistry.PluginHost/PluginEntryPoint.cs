using System.Reflection;
using SRegistry.Abstractions.Plugins;

namespace SRegistry.PluginHost;

/// <summary>Loads a checked entry assembly and creates the entry type its attribute names.</summary>
internal static class PluginEntryPoint
{
    public static (Assembly Assembly, IRegistryPlugin Instance) Create(string id, string entryAssemblyPath, PluginLoadContext context)
    {
        var file = Path.GetFileName(entryAssemblyPath);
        Assembly assembly;
        RegistryPluginAttribute? attribute;
        try
        {
            assembly = context.LoadFromAssemblyPath(entryAssemblyPath);
            attribute = assembly.GetCustomAttribute<RegistryPluginAttribute>();
        }
        catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or FileNotFoundException or TypeLoadException or CustomAttributeFormatException)
        {
            throw new PluginLoadException(id, $"Plugin \"{id}\": loading {entryAssemblyPath} failed: {exception.Message} Republish the plugin with all its dependencies (dotnet publish) into its folder.", exception);
        }

        if (attribute is null)
        {
            throw new PluginLoadException(id, $"Plugin \"{id}\": {entryAssemblyPath} has no [assembly: RegistryPlugin(typeof(...))] attribute naming its entry type. Add the attribute to the plugin's assembly, or correct \"assembly\" in {PluginManifest.FileName} if {file} is not the entry assembly.");
        }

        var type = attribute.EntryType;
        var problem = type switch
        {
            _ when !typeof(IRegistryPlugin).IsAssignableFrom(type) => "does not implement IRegistryPlugin",
            _ when !type.IsClass || type.IsAbstract => "is not a concrete class",
            _ when !type.IsVisible => "is not public",
            _ when type.GetConstructor(Type.EmptyTypes) is null => "has no public parameterless constructor",
            _ => null,
        };
        if (problem is not null)
        {
            throw new PluginLoadException(id, $"Plugin \"{id}\": the entry type {type.FullName} named by [assembly: RegistryPlugin] in {entryAssemblyPath} {problem}. Make it a public, non-abstract class implementing IRegistryPlugin with a public parameterless constructor.");
        }

        try
        {
            return (assembly, (IRegistryPlugin)Activator.CreateInstance(type)!);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is { } inner)
        {
            throw new PluginLoadException(id, $"Plugin \"{id}\": the constructor of {type.FullName} in {entryAssemblyPath} threw {inner.GetType().Name}: {inner.Message} An entry type's constructor must not do work; move it to ConfigureServices or to a service.", inner);
        }
    }
}
