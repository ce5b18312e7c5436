using System.Runtime.Loader;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SRegistry.PluginHost.Tests;

public sealed class PluginLoaderTests : IDisposable
{
    private static readonly string[] AllPlugins = ["hello", "ldap-auth", "saml", "github-webhooks", "google-build"];

    private readonly PluginFolders folders = new();

    [Fact]
    public void Load_AllPublishedPlugins_LoadsEachInOrderInItsOwnContext()
    {
        foreach (var id in AllPlugins)
        {
            folders.Copy(id);
        }

        var plugins = folders.Loader(AllPlugins).Load();

        Assert.Equal(AllPlugins, plugins.Select(plugin => plugin.Id));
        Assert.Equal(
            ["HelloPlugin", "LdapAuthPlugin", "SamlPlugin", "GitHubWebhooksPlugin", "GoogleBuildPlugin"],
            plugins.Select(plugin => plugin.Instance.GetType().Name));
        Assert.All(plugins, plugin =>
        {
            Assert.Equal("0.1.0", plugin.Manifest.Version);
            Assert.Equal(Path.Combine(folders.Root, plugin.Id), plugin.Directory);
            Assert.Equal(plugin.AssemblyPath, plugin.Assembly.Location);
            var context = AssemblyLoadContext.GetLoadContext(plugin.Assembly);
            Assert.IsType<PluginLoadContext>(context);
            Assert.Equal($"plugin:{plugin.Id}", context.Name);
        });
    }

    [Fact]
    public void Load_AllPublishedPlugins_LogsOneInformationLinePerPlugin()
    {
        foreach (var id in AllPlugins)
        {
            folders.Copy(id);
        }

        var logger = new RecordingLogger();
        folders.Loader(logger, AllPlugins).Load();

        var lines = logger.Entries.Where(entry => entry.Level == LogLevel.Information).ToList();
        Assert.Equal(AllPlugins, lines.Select(line => line.Values["PluginId"]));
        Assert.All(lines, line => Assert.Equal("0.1.0", line.Values["Version"]));
        Assert.All(lines, line => Assert.StartsWith(folders.Root, (string)line.Values["Directory"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_AllPluginsConfigured_ValidatesAndStarts()
    {
        foreach (var id in AllPlugins)
        {
            folders.Copy(id);
        }

        var plugins = folders.Loader(AllPlugins).Load();
        var builder = TestHosts.Builder(
            ("Plugins:ldap-auth:Url", "ldaps://ldap.example.org"),
            ("Plugins:ldap-auth:BaseDn", "dc=example,dc=org"),
            ("Plugins:ldap-auth:UserDnTemplate", "uid={0},ou=people,dc=example,dc=org"),
            ("Plugins:saml:IdentityProviderMetadataUrl", "https://idp.example.org/metadata"),
            ("Plugins:saml:EntityId", "https://registry.example.org/saml"),
            ("Plugins:saml:PublicBaseUrl", "https://registry.example.org"),
            ("Plugins:github-webhooks:Token", "not-a-real-token"),
            ("Plugins:google-build:ProjectId", "example-project"),
            ("Plugins:google-build:Bucket", "example-bucket"));
        builder.Services.AddPlugins(plugins, builder.Configuration, builder.Environment);
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();
    }

    public void Dispose() => folders.Dispose();
}
