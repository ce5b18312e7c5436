namespace SRegistry.PluginHost.Tests;

public sealed class PluginLoaderEnabledTests : IDisposable
{
    private readonly PluginFolders folders = new();

    [Fact]
    public void Load_EnabledPluginFolderMissing_NamesPluginAndExistingFolders()
    {
        folders.Copy("hello");
        folders.Copy("ldap-auth");

        LoadFailure.Assert(
            () => folders.Loader("hello", "saml").Load(),
            "saml",
            Path.Combine(folders.Root, "saml"),
            $"Plugin folders in {folders.Root}: hello, ldap-auth.",
            $"dotnet publish plugins/saml -o {Path.Combine(folders.Root, "saml")}");
    }

    [Fact]
    public void Load_PluginsDirectoryMissing_SaysSoAndHowToPublish()
    {
        var missingRoot = Path.Combine(folders.Root, "nowhere");
        var loader = new PluginLoader(new PluginsOptions { Directory = missingRoot, Enabled = ["hello"] }, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        LoadFailure.Assert(
            () => loader.Load(),
            "hello",
            $"The plugins directory {missingRoot} does not exist.",
            "dotnet publish plugins/hello -o");
    }

    [Fact]
    public void Load_NothingEnabled_LoadsNothingWithoutTouchingTheDirectory()
    {
        var loader = new PluginLoader(new PluginsOptions { Directory = "", Enabled = [] }, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        Assert.Empty(loader.Load());
    }

    [Fact]
    public void Load_PluginEnabledTwice_RefusesBeforeLoadingAnything()
    {
        folders.Copy("hello");

        LoadFailure.Assert(() => folders.Loader("hello", "Hello").Load(), "Hello", "more than once", "Remove the duplicate entry");
    }

    [Theory]
    [InlineData("../hello")]
    [InlineData("plugins/hello")]
    [InlineData("..")]
    [InlineData("a..b")]
    [InlineData("")]
    [InlineData(" hello")]
    public void Load_IdIsNotAPlainFolderName_Refuses(string id)
    {
        LoadFailure.Assert(() => folders.Loader(id).Load(), id, "is not a plugin id", "plain name of a folder inside Plugins:Directory");
    }

    [Fact]
    public void Load_IdCollidesWithLoaderSetting_Refuses()
    {
        LoadFailure.Assert(() => folders.Loader("enabled").Load(), "enabled", "Plugins:enabled is a setting of the plugin loader");
    }

    public void Dispose() => folders.Dispose();
}
