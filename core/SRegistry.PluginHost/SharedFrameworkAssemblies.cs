using System.Collections.Frozen;
using System.Runtime.InteropServices;

namespace SRegistry.PluginHost;

/// <summary>
/// The names of the assemblies the host runs from the shared frameworks (Microsoft.NETCore.App,
/// Microsoft.AspNetCore.App). A plugin always gets the host's copy of these, even when its
/// <c>.deps.json</c> lists a newer package version: framework types (<c>IServiceCollection</c>,
/// <c>IConfiguration</c>, <c>ILogger</c>) cross the plugin boundary and must be the same types.
/// </summary>
internal static class SharedFrameworkAssemblies
{
    private static readonly Lazy<FrozenSet<string>> Names = new(Find);

    public static bool Contains(string assemblyName) => Names.Value.Contains(assemblyName);

    private static FrozenSet<string> Find()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/ → <dotnet>/shared/, the root of every
        // shared framework. A self-contained host has no such folder; then nothing matches and the
        // plugin's .deps.json decides alone.
        var runtimeDirectory = Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory());
        var sharedRoot = Path.GetDirectoryName(Path.GetDirectoryName(runtimeDirectory));
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
        if (sharedRoot is null || trusted is null)
        {
            return FrozenSet<string>.Empty;
        }

        var prefix = Path.TrimEndingDirectorySeparator(sharedRoot) + Path.DirectorySeparatorChar;
        return trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.StartsWith(prefix, StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
