using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SRegistry.PluginHost.Tests;

public sealed class PluginConfigurationTests : IDisposable
{
    private readonly PluginFolders folders = new();

    [Fact]
    public void AddPlugins_ConfigureServicesThrows_NamesPluginAssemblyErrorAndSection()
    {
        var directory = folders.Copy("faulty");
        var plugins = folders.Loader("faulty").Load();
        var builder = TestHosts.Builder();

        LoadFailure.Assert(
            () => builder.Services.AddPlugins(plugins, builder.Configuration, builder.Environment),
            "faulty",
            Path.Combine(directory, "SRegistry.TestPlugins.Faulty.dll"),
            "The faulty test plugin refuses to configure its services.",
            "Check the Plugins:faulty section of the configuration.");
    }

    [Fact]
    public async Task Start_LdapAuthEnabledWithoutConfiguration_RefusesNamingMissingOptions()
    {
        folders.Copy("ldap-auth");
        var plugins = folders.Loader("ldap-auth").Load();
        var builder = TestHosts.Builder();
        builder.Services.AddPlugins(plugins, builder.Configuration, builder.Environment);
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("LdapAuthOptions", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Set Plugins:ldap-auth:Url", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Set Plugins:ldap-auth:BaseDn", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_LdapAuthConfigured_Starts()
    {
        folders.Copy("ldap-auth");
        var plugins = folders.Loader("ldap-auth").Load();
        var builder = TestHosts.Builder(
            ("Plugins:ldap-auth:Url", "ldaps://ldap.example.org"),
            ("Plugins:ldap-auth:BaseDn", "dc=example,dc=org"),
            ("Plugins:ldap-auth:UserDnTemplate", "uid={0},ou=people,dc=example,dc=org"));
        builder.Services.AddPlugins(plugins, builder.Configuration, builder.Environment);
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();
    }

    public void Dispose() => folders.Dispose();
}
