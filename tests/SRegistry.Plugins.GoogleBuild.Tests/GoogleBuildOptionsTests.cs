using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SRegistry.Plugins.GoogleBuild.Tests.Fakes;

namespace SRegistry.Plugins.GoogleBuild.Tests;

/// <summary>Settings that could not work stop the start with a message naming the setting.</summary>
public sealed class GoogleBuildOptionsTests(FakeGoogleFixture fixture) : IClassFixture<FakeGoogleFixture>
{
    [Theory]
    [InlineData("CredentialsFile", "/nonexistent/key.json", "Plugins:google-build:CredentialsFile '/nonexistent/key.json' does not exist")]
    [InlineData("ProjectId", "", "Set Plugins:google-build:ProjectId")]
    [InlineData("Bucket", "Not A Bucket", "Plugins:google-build:Bucket 'Not A Bucket' is not a bucket name")]
    [InlineData("UploadChunkSize", "1000000", "Plugins:google-build:UploadChunkSize must be a positive multiple of 262144")]
    [InlineData("CallbackSecret", "short", "Plugins:google-build:CallbackSecret must be at least 32 characters")]
    [InlineData("BuildTimeout", "2.00:00:00", "Plugins:google-build:BuildTimeout must be between")]
    [InlineData("StorageBaseUrl", "storage.example", "Plugins:google-build:StorageBaseUrl 'storage.example' is not an http(s) URL")]
    public async Task Start_WithAnUnusableSetting_RefusesAndSaysWhatToFix(string key, string value, string message)
    {
        var settings = PluginTestHost.Settings(fixture.Google, fixture.Account);
        settings[key] = value;

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => PluginTestHost.StartAsync(settings));

        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public async Task Start_WithAKeyFileThatIsNotAServiceAccount_Refuses()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{"type": "authorized_user"}""");
        var settings = PluginTestHost.Settings(fixture.Google, fixture.Account);
        settings["CredentialsFile"] = file;

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => PluginTestHost.StartAsync(settings));

        File.Delete(file);
        Assert.Contains("is not a service-account key", failure.Message);
    }

    [Fact]
    public async Task Start_WithValidSettings_Starts()
    {
        await using var host = await PluginTestHost.StartAsync(PluginTestHost.Settings(fixture.Google, fixture.Account));

        Assert.Equal(FakeCloudBuild.Project, host.Services.GetService<IOptions<GoogleBuildOptions>>()!.Value.ProjectId);
    }
}
