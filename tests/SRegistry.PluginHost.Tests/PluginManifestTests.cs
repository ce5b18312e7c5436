namespace SRegistry.PluginHost.Tests;

public sealed class PluginManifestTests : IDisposable
{
    private readonly PluginFolders folders = new();

    [Fact]
    public void Load_ManifestMissing_NamesFileAndFix()
    {
        var directory = folders.Copy("hello");
        var manifest = Path.Combine(directory, "plugin.json");
        File.Delete(manifest);

        LoadFailure.Assert(() => folders.Loader("hello").Load(), "hello", manifest, "does not exist", "republish the plugin");
    }

    [Fact]
    public void Load_ManifestNotJson_NamesFileAndFix()
    {
        var directory = folders.Copy("hello");
        var manifest = Path.Combine(directory, "plugin.json");
        File.WriteAllText(manifest, "{ \"id\": \"hello\", ");

        LoadFailure.Assert(() => folders.Loader("hello").Load(), "hello", manifest, "is not valid JSON", "Fix the file or republish the plugin");
    }

    [Fact]
    public void Load_ManifestLacksFields_ListsMissingFields()
    {
        var directory = folders.Copy("hello");
        var manifest = Path.Combine(directory, "plugin.json");
        File.WriteAllText(manifest, """{ "id": "hello", "name": "Hello", "version": 1 }""");

        LoadFailure.Assert(() => folders.Loader("hello").Load(), "hello", manifest, "lacks \"version\", \"assembly\", \"contractVersion\"", "Add the missing fields");
    }

    [Fact]
    public void Load_ManifestIdDiffersFromFolder_NamesBothAndFix()
    {
        var directory = folders.Copy("hello", folder: "greeter");

        LoadFailure.Assert(
            () => folders.Loader("greeter").Load(),
            "greeter",
            Path.Combine(directory, "plugin.json"),
            "says its id is \"hello\"",
            "the id must equal the folder name",
            "Rename the folder to \"hello\"");
    }

    [Fact]
    public void Load_ContractVersionNotMajorMinor_NamesFileAndFix()
    {
        folders.Copy("hello");
        folders.SetManifestField("hello", "contractVersion", "1.0.3");

        LoadFailure.Assert(() => folders.Loader("hello").Load(), "hello", "contractVersion \"1.0.3\"", "is not \"major.minor\"");
    }

    [Fact]
    public void Read_ValidManifest_ReturnsEveryField()
    {
        var directory = folders.Copy("hello");

        var manifest = PluginManifest.Read("hello", directory);

        Assert.Equal(new PluginManifest("hello", "Hello", "0.1.0", "SRegistry.Samples.HelloPlugin.dll", new Version(1, 2)), manifest);
    }

    public void Dispose() => folders.Dispose();
}
