using SRegistry.Abstractions;

namespace SRegistry.PluginHost.Tests;

public sealed class PluginAssemblyCheckTests : IDisposable
{
    private const string Rebuild = "Rebuild the plugin against this server's SRegistry.Abstractions or upgrade the server.";

    private readonly PluginFolders folders = new();

    [Fact]
    public void Load_EntryAssemblyMissing_NamesFileAndFix()
    {
        var directory = folders.Copy("hello");
        var assembly = Path.Combine(directory, "SRegistry.Samples.HelloPlugin.dll");
        File.Delete(assembly);

        LoadFailure.Assert(() => folders.Loader("hello").Load(), "hello", assembly, "does not exist", "Republish the plugin", "correct \"assembly\" in plugin.json");
    }

    [Fact]
    public void Load_FolderCarriesOwnAbstractions_TellsToExcludeItAndDeleteCopy()
    {
        var directory = folders.Copy("hello");
        var copy = Path.Combine(directory, "SRegistry.Abstractions.dll");
        File.Copy(typeof(RegistryContract).Assembly.Location, copy);

        LoadFailure.Assert(
            () => folders.Loader("hello").Load(),
            "hello",
            copy,
            "Private=\"false\" and ExcludeAssets=\"runtime\"",
            "republish the plugin",
            $"delete {copy}");
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("1.3")]
    [InlineData("0.9")]
    public void Load_ManifestContractIncompatible_Refuses(string contractVersion)
    {
        var directory = folders.Copy("hello");
        folders.SetManifestField("hello", "contractVersion", contractVersion);

        LoadFailure.Assert(
            () => folders.Loader("hello").Load(),
            "hello",
            Path.Combine(directory, "plugin.json"),
            $"built against contract {contractVersion}, this server provides 1.2",
            Rebuild);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(1, 3)]
    public void Load_AssemblyReferencesIncompatibleAbstractions_RefusesBeforeLoading(int major, int minor)
    {
        var directory = folders.Create("future", "Future.Plugin.dll");
        var assembly = Path.Combine(directory, "Future.Plugin.dll");
        GeneratedAssemblies.ReferencingAbstractions(assembly, new Version(major, minor, 0, 0));

        LoadFailure.Assert(
            () => folders.Loader("future").Load(),
            "future",
            assembly,
            $"built against contract {major}.{minor}, this server provides 1.2",
            Rebuild);
    }

    [Fact]
    public void Load_AssemblyReferencesOlderMinorOfAbstractions_IsNotRefusedForIt()
    {
        var directory = folders.Create("older", "Older.Plugin.dll");
        GeneratedAssemblies.ReferencingAbstractions(Path.Combine(directory, "Older.Plugin.dll"), new Version(1, 0, 0, 0));

        // Passes the contract checks, then fails later for lack of an entry type.
        LoadFailure.Assert(() => folders.Loader("older").Load(), "older", "has no [assembly: RegistryPlugin(typeof(...))] attribute");
    }

    public void Dispose() => folders.Dispose();
}
