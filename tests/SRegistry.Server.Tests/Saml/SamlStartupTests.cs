using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Saml;

public sealed class SamlStartupTests
{
    [Fact]
    public async Task Start_WithoutEntityIdAndWithAMissingMetadataFile_RefusesNamingBothKeys()
    {
        using var data = new TestDirectory();
        PublishedPlugins.InstallInto(data.Combine("plugins"), "saml");

        var result = await ServerBinary.RunAsync(
        [
            "--urls", "http://127.0.0.1:0", "--data", data.Path, "--Plugins:Enabled:0", "saml",
            "--Plugins:saml:PublicBaseUrl", "https://registry.example.test",
            "--Plugins:saml:IdentityProviderMetadataFile", data.Combine("no-such-metadata.xml"),
        ]);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Plugins:saml:EntityId", result.StandardError);
        Assert.Contains("Plugins:saml:IdentityProviderMetadataFile", result.StandardError);
        Assert.Contains("does not exist", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
    }

    [Fact]
    public async Task Start_WithAPlainHttpMetadataUrl_RefusesSayingItMustBeHttps()
    {
        using var data = new TestDirectory();
        PublishedPlugins.InstallInto(data.Combine("plugins"), "saml");

        var result = await ServerBinary.RunAsync(
        [
            "--urls", "http://127.0.0.1:0", "--data", data.Path, "--Plugins:Enabled:0", "saml",
            "--Plugins:saml:EntityId", "https://registry.example.test/saml",
            "--Plugins:saml:PublicBaseUrl", "https://registry.example.test",
            "--Plugins:saml:IdentityProviderMetadataUrl", "http://idp.example.test/metadata",
        ]);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Plugins:saml:IdentityProviderMetadataUrl", result.StandardError);
        Assert.Contains("not an https URL", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
    }
}
