using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests;

public sealed class ServerStartupTests
{
    [Fact]
    public async Task Start_WithPublishedSamplePlugin_ServesThePluginsEndpoint()
    {
        using var data = new TestDirectory();
        PublishedPlugins.InstallInto(data.Combine("plugins"), "hello");
        await using var server = await RunningServer.StartAsync(data.Path, "--Plugins:Enabled:0", "hello", "--Plugins:hello:Greeting", "Howdy");

        var greeting = await server.Client.GetFromJsonAsync<JsonElement>("/plugins/hello/greeting");

        Assert.StartsWith("Howdy", greeting.GetProperty("message").GetString());
        Assert.Equal("2.8.26", greeting.GetProperty("humanizerVersion").GetString());
        Assert.Equal("plugin:hello", greeting.GetProperty("loadContext").GetString());
        Assert.Contains("hello", server.Output);
    }

    [Fact]
    public async Task Readyz_OnEmbeddedDefault_ReportsDatabaseAndStorageHealthy()
    {
        using var data = new TestDirectory();
        await using var server = await RunningServer.StartAsync(data.Path);

        using var response = await server.Client.GetAsync("/readyz");
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.True(Directory.Exists(data.Combine("postgres")), "the embedded database lives in the data directory");
    }

    [Fact]
    public async Task Stop_WithSigterm_ExitsCleanlyAndStopsTheEmbeddedDatabase()
    {
        using var data = new TestDirectory();
        var server = await RunningServer.StartAsync(data.Path);

        var exitCode = await server.StopAsync();
        await server.DisposeAsync();

        Assert.Equal(0, exitCode);
        Assert.False(File.Exists(data.Combine("postgres", "postmaster.pid")), "the embedded cluster is stopped with the server");
    }

    [Theory]
    [InlineData("--Storage:Provider", "nosuch", "Storage:Provider is 'nosuch'", "filesystem")]
    [InlineData("--Builds:Provider", "nosuch", "Builds:Provider is 'nosuch'", "Plugins:Enabled")]
    [InlineData("--Plugins:Enabled:0", "missing-plugin", "missing-plugin", "dotnet publish")]
    [InlineData("--Uploads:UrlLifetime", "soon", "'Uploads:UrlLifetime'", "Correct that setting")]
    [InlineData("--Uploads:UrlLifetime", "-00:05:00", "Uploads:UrlLifetime", "positive time span")]
    [InlineData("--Library:DefaultPrivate", "maybe", "'Library:DefaultPrivate'", "System.Boolean")]
    [InlineData("--Library:ApiVersion", "two", "Library:ApiVersion", "semantic version")]
    [InlineData("--Oci:TokenLifetime", "00:00:00", "Oci:TokenLifetime", "positive time span")]
    [InlineData("--Oci:MaxManifestSize", "-1", "Oci:MaxManifestSize", "positive number of bytes")]
    [InlineData("--Storage:Provider", "s3", "Storage:S3:Bucket", "existing bucket")]
    [InlineData("--ForwardedHeaders:KnownProxies:0", "proxy.example.org", "ForwardedHeaders:KnownProxies", "10.0.0.5")]
    public async Task Start_WithBadConfiguration_RefusesWithMessageSayingWhatToFix(string key, string value, string names, string fix)
    {
        using var data = new TestDirectory();

        var result = await ServerBinary.RunAsync(["--urls", "http://127.0.0.1:0", "--data", data.Path, key, value]);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains(names, result.StandardError);
        Assert.Contains(fix, result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError + result.StandardOutput);
    }

    [Fact]
    public async Task Start_WithEnabledPluginMissingRequiredOptions_RefusesNamingTheOption()
    {
        using var data = new TestDirectory();
        PublishedPlugins.InstallInto(data.Combine("plugins"), "ldap-auth");

        var result = await ServerBinary.RunAsync(["--urls", "http://127.0.0.1:0", "--data", data.Path, "--Plugins:Enabled:0", "ldap-auth"]);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("LdapAuthOptions", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
    }

    [Fact]
    public async Task Start_WithUnreachableExternalDatabase_RefusesWithClearMessage()
    {
        using var data = new TestDirectory();

        var result = await ServerBinary.RunAsync(
            ["--urls", "http://127.0.0.1:0", "--data", data.Path, "--Database:ConnectionString", $"Host={data.Path}/nosocket;Username=x;Timeout=2"]);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Database:ConnectionString", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
    }
}
