using Microsoft.Extensions.Configuration;
using SRegistry.Server.Hosting;

namespace SRegistry.Server.Tests;

/// <summary>What the admin settings page and <c>config show</c> list: every registry section, never a secret (a key file's path is not one).</summary>
public sealed class EffectiveConfigurationTests
{
    [Fact]
    public void Describe_ListsTheDoorsSections_AndMasksSecrets()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data"] = "/srv/registry",
            ["Database:ConnectionString"] = "Host=db;Username=reg;Password=hunter22",
            ["Library:DefaultPrivate"] = "true",
            ["Registry:PrivateMode"] = "true",
            ["SRegistryCli:KeyFile"] = "/srv/keys/cli.key",
            ["Sharing:SigningSecret"] = "swordfish",
            ["Unrelated:Thing"] = "hidden",
        }).Build();

        var settings = EffectiveConfiguration.Describe(configuration).ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.Equal("/srv/registry", settings["Data"]);
        Assert.Equal("external", settings["Database"]);
        Assert.Equal("true", settings["Library:DefaultPrivate"]);
        Assert.Equal("true", settings["Registry:PrivateMode"]);
        Assert.Equal("/srv/keys/cli.key", settings["SRegistryCli:KeyFile"]);
        Assert.Equal("***", settings["Sharing:SigningSecret"]);
        Assert.Equal("Host=db;Username=reg;Password=***", settings["Database:ConnectionString"]);
        Assert.False(settings.ContainsKey("Unrelated:Thing"));
    }
}
