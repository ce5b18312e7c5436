using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SRegistry.Abstractions.Builds;
using SRegistry.Core.Tests.Sif;
using SRegistry.Plugins.GoogleBuild.Tests.Fakes;

namespace SRegistry.Plugins.GoogleBuild.Tests.Builds;

/// <summary>
/// One registry host with the Cloud Build backend chosen, its own build tag (so hosts sharing the
/// fake never see each other's builds), a recording reporter, and the moves of the test: submit,
/// play the builder, send the callback.
/// </summary>
public sealed class CloudBuildScenario : IAsyncDisposable
{
    public const string Secret = "callback-secret-0123456789abcdef-0123456789";

    private readonly FakeGoogleServer _google;
    private readonly HttpClient _client = new();

    private CloudBuildScenario(FakeGoogleServer google, PluginTestHost host, RecordingBuildReporter reporter, string tag)
    {
        _google = google;
        Host = host;
        Reporter = reporter;
        Tag = tag;
    }

    public PluginTestHost Host { get; }

    public RecordingBuildReporter Reporter { get; }

    public string Tag { get; }

    public static async Task<CloudBuildScenario> StartAsync(FakeGoogleFixture fixture, TimeSpan pollInterval, string? tag = null, string secret = Secret)
    {
        tag ??= "t" + Guid.NewGuid().ToString("N")[..12];
        var settings = PluginTestHost.Settings(fixture.Google, fixture.Account);
        settings["BuildTag"] = tag;
        settings["CallbackSecret"] = secret;
        settings["PollInterval"] = pollInterval.ToString();
        var reporter = new RecordingBuildReporter();
        var host = await PluginTestHost.StartAsync(settings, reporter);
        // The poller's first round lists the tag's builds; the test starts acting once that happened,
        // so which round sees a build depends on the test's steps, not on timing.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!fixture.Google.Requests.Any(r => r.Path == "/v1/projects/test-project/builds" && r.Query.Contains(tag, StringComparison.Ordinal)))
            await Task.Delay(10, limit.Token);
        return new CloudBuildScenario(fixture.Google, host, reporter, tag);
    }

    public static BuildJob NewJob() => new(Guid.NewGuid(), new BuildRequest(
        "alice", "tools", "hello", "v1", new Uri("https://git.example.org/alice/recipes.git"),
        "0123456789abcdef0123456789abcdef01234567", "hello/Singularity.v1", "github:push"));

    /// <summary>Does what the build definition's steps would: puts a real SIF where the upload step copies it and finishes with its digest.</summary>
    public async Task<(string Hex, byte[] Bytes)> PlayTheBuilderAsync(string cloudBuildId, string status = "SUCCESS")
    {
        using var sif = new SifImageBuilder().WithDefinitionFile("Bootstrap: docker\nFrom: alpine\n").WithPrimaryPartition(partArch: 2);
        var path = await sif.BuildAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        var destination = _google.Builds.Builds[cloudBuildId].Definition["steps"]![4]!["args"]![3]!.GetValue<string>();
        _google.Storage.PutObject(destination["gs://test-bucket/".Length..], path);
        var hex = Convert.ToHexStringLower(SHA256.HashData(bytes));
        _google.Builds.Finish(cloudBuildId, status, $"sha256:{hex} {bytes.Length}");
        return (hex, bytes);
    }

    /// <summary>Posts what a Pub/Sub push subscription on the cloud-builds topic posts.</summary>
    public async Task<HttpResponseMessage> NotifyAsync(string cloudBuildId, string? token = Secret, string status = "SUCCESS")
    {
        var build = new JsonObject { ["id"] = cloudBuildId, ["status"] = status }.ToJsonString();
        var push = new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["attributes"] = new JsonObject { ["buildId"] = cloudBuildId, ["status"] = status },
                ["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(build)),
                ["messageId"] = "1234567890",
            },
            ["subscription"] = $"projects/{FakeCloudBuild.Project}/subscriptions/sregistry-builds",
        };
        var url = new Uri(Host.BaseUrl, "plugins/google-build/builds/notify" + (token is null ? "" : "?token=" + Uri.EscapeDataString(token)));
        return await _client.PostAsJsonAsync(url, push);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Host.DisposeAsync();
    }
}
