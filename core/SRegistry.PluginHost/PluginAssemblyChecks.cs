using SRegistry.Abstractions;

namespace SRegistry.PluginHost;

/// <summary>Checks a plugin folder's files before any of its code loads.</summary>
internal static class PluginAssemblyChecks
{
    /// <summary>Returns the full path of the entry assembly once every check has passed.</summary>
    public static string Run(PluginManifest manifest, string directory)
    {
        var id = manifest.Id;
        var manifestPath = Path.Combine(directory, PluginManifest.FileName);
        if (!ContractVersionRule.IsSatisfiedBy(manifest.ContractVersion, RegistryContract.Version))
        {
            throw Incompatible(id, $"{manifestPath} says it was built against contract {ContractVersionRule.Format(manifest.ContractVersion)}", RegistryContract.Version);
        }

        var entryAssemblyPath = Path.Combine(directory, manifest.Assembly);
        if (!File.Exists(entryAssemblyPath))
        {
            throw new PluginLoadException(id, $"Plugin \"{id}\": the entry assembly {entryAssemblyPath} named by \"assembly\" in {manifestPath} does not exist. Republish the plugin into {directory} (dotnet publish plugins/{id} -o {directory}) or correct \"assembly\" in {PluginManifest.FileName}.");
        }

        var privateCopy = Path.Combine(directory, AbstractionsReference.AssemblyName + ".dll");
        if (File.Exists(privateCopy))
        {
            throw new PluginLoadException(id, $"Plugin \"{id}\": {privateCopy} is a private copy of the contracts, but a plugin must use the server's copy. Reference SRegistry.Abstractions with Private=\"false\" and ExcludeAssets=\"runtime\" in the plugin's project, republish the plugin, and delete {privateCopy}.");
        }

        var referenced = ReadAbstractionsReference(id, entryAssemblyPath);
        if (referenced is not null && !ContractVersionRule.IsSatisfiedBy(referenced, RegistryContract.Version))
        {
            throw Incompatible(id, $"{entryAssemblyPath} references SRegistry.Abstractions {referenced}, so it was built against contract {ContractVersionRule.Format(referenced)}", RegistryContract.Version);
        }

        return entryAssemblyPath;
    }

    private static Version? ReadAbstractionsReference(string id, string entryAssemblyPath)
    {
        try
        {
            return AbstractionsReference.Read(entryAssemblyPath);
        }
        catch (BadImageFormatException exception)
        {
            throw new PluginLoadException(id, $"Plugin \"{id}\": the entry assembly {entryAssemblyPath} is not a .NET assembly ({exception.Message}). Republish the plugin or correct \"assembly\" in {PluginManifest.FileName}.", exception);
        }
    }

    private static PluginLoadException Incompatible(string id, string builtAgainst, Version host) =>
        new(id, $"Plugin \"{id}\" is incompatible: {builtAgainst}, this server provides {ContractVersionRule.Format(host)}. Rebuild the plugin against this server's SRegistry.Abstractions or upgrade the server.");
}
