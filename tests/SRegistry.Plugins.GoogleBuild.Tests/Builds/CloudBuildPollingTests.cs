using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Plugins.GoogleBuild.Tests.Builds;

/// <summary>Without any callback, polling finishes builds, also those that ended while the registry was down.</summary>
public sealed class CloudBuildPollingTests(FakeGoogleFixture fixture) : IClassFixture<FakeGoogleFixture>
{
    private static readonly TimeSpan Often = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Polling_WithoutAnyCallback_ImportsTheFinishedBuild()
    {
        await using var scenario = await CloudBuildScenario.StartAsync(fixture, Often, secret: "");
        var job = CloudBuildScenario.NewJob();
        var id = await scenario.Host.Backend.SubmitAsync(job, CancellationToken.None);
        var (hex, bytes) = await scenario.PlayTheBuilderAsync(id);

        await scenario.Reporter.WaitUntilAsync(r => r.Imports.Count > 0);

        var import = Assert.Single(scenario.Reporter.Imports);
        Assert.Equal((job.Id, BlobDigest.Parse(hex), BuildImageImport.Imported), (import.BuildId, import.Digest, import.Outcome));
        Assert.Equal(bytes, import.Bytes);
    }

    [Fact]
    public async Task Restart_FindsTheRegistrysBuildsByTag_AndFinishesThoseThatEndedMeanwhile()
    {
        var job = CloudBuildScenario.NewJob();
        string id, tag;
        await using (var before = await CloudBuildScenario.StartAsync(fixture, TimeSpan.FromHours(1), secret: ""))
        {
            id = await before.Host.Backend.SubmitAsync(job, CancellationToken.None);
            tag = before.Tag;
        }

        await using var after = await CloudBuildScenario.StartAsync(fixture, Often, tag, secret: "");
        var (hex, _) = await after.PlayTheBuilderAsync(id);

        await after.Reporter.WaitUntilAsync(r => r.Imports.Count > 0);

        Assert.Equal((job.Id, BlobDigest.Parse(hex)), (after.Reporter.Imports[0].BuildId, after.Reporter.Imports[0].Digest));
        var list = fixture.Google.Requests.First(r => r.Method == "GET" && r.Path == "/v1/projects/test-project/builds" && r.Query.Contains(tag, StringComparison.Ordinal));
        Assert.Matches($@"^filter=tags%3D%22{tag}%22%20AND%20create_time%3E%22\d{{4}}-\d\d-\d\dT\d\d%3A\d\d%3A\d\dZ%22&pageSize=100$", list.Query);
        Assert.True(fixture.Google.IsIssuedToken(list.Authorization));
    }
}
