using System.Net;
using System.Text.Json.Nodes;
using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Storage;
using SRegistry.Plugins.GoogleBuild.Tests.Fakes;

namespace SRegistry.Plugins.GoogleBuild.Tests.Builds;

/// <summary>The Cloud Build backend against the fake Cloud Build and bucket, finished through the callback.</summary>
public sealed class CloudBuildBackendTests(FakeGoogleFixture fixture) : IClassFixture<FakeGoogleFixture>
{
    private static readonly TimeSpan NoPolling = TimeSpan.FromHours(1);

    private FakeGoogleServer Google => fixture.Google;

    [Fact]
    public async Task Submit_PostsABuildThatFetchesTheCommitBuildsHashesAndUploads_WithoutCredentials()
    {
        await using var scenario = await CloudBuildScenario.StartAsync(fixture, NoPolling);
        var job = CloudBuildScenario.NewJob();

        var id = await scenario.Host.Backend.SubmitAsync(job, CancellationToken.None);

        var create = Assert.Single(Google.Requests, r => r.Method == "POST" && r.Path == "/v1/projects/test-project/builds" && r.Body.Contains(job.Id.ToString("N"), StringComparison.Ordinal));
        Assert.True(Google.IsIssuedToken(create.Authorization));
        var expected = JsonNode.Parse($$"""
            {
              "steps": [
                { "id": "fetch", "name": "gcr.io/cloud-builders/git", "args": ["clone", "--no-checkout", "--", "https://git.example.org/alice/recipes.git", "source"] },
                { "id": "checkout", "name": "gcr.io/cloud-builders/git", "dir": "source", "args": ["checkout", "--detach", "0123456789abcdef0123456789abcdef01234567"] },
                { "id": "build", "name": "quay.io/singularity/singularity:v3.11.4", "dir": "source", "args": ["build", "/workspace/image.sif", "hello/Singularity.v1"] },
                { "id": "digest", "name": "gcr.io/cloud-builders/gcloud", "entrypoint": "bash",
                  "args": ["-c", "printf 'sha256:%s %s' \"$$(sha256sum /workspace/image.sif | cut -d' ' -f1)\" \"$$(stat -c %s /workspace/image.sif)\" > \"$$BUILDER_OUTPUT/output\""] },
                { "id": "upload", "name": "gcr.io/cloud-builders/gcloud", "entrypoint": "gcloud",
                  "args": ["storage", "cp", "/workspace/image.sif", "gs://test-bucket/builds/{{job.Id:N}}.sif"] }
              ],
              "timeout": "3600s",
              "tags": ["{{scenario.Tag}}", "{{scenario.Tag}}-{{job.Id:N}}"]
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(create.Body)), create.Body);
        Assert.DoesNotContain("ya29.", create.Body);
        Assert.Equal("QUEUED", Google.Builds.Builds[id].Status);
    }

    [Fact]
    public async Task Success_AnnouncedByTheCallback_ImportsTheBuiltSifWithItsDigestAndRemovesTheObject()
    {
        await using var scenario = await CloudBuildScenario.StartAsync(fixture, NoPolling);
        var job = CloudBuildScenario.NewJob();
        var id = await scenario.Host.Backend.SubmitAsync(job, CancellationToken.None);
        var (hex, bytes) = await scenario.PlayTheBuilderAsync(id);

        using var response = await scenario.NotifyAsync(id);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var import = Assert.Single(scenario.Reporter.Imports);
        Assert.Equal((job.Id, BlobDigest.Parse(hex), (long)bytes.Length, BuildImageImport.Imported), (import.BuildId, import.Digest, import.Size, import.Outcome));
        Assert.Equal(bytes, import.Bytes);
        Assert.Empty(scenario.Reporter.Reports);
        Assert.Null(Google.Storage.ReadObject($"builds/{job.Id:N}.sif"));
        Assert.Contains(Google.Requests, r => r.Method == "GET" && r.Path == $"/v1/projects/test-project/builds/{id}" && Google.IsIssuedToken(r.Authorization));
        Assert.Contains(Google.Requests, r => r.Method == "GET" && r.Target == $"/storage/v1/b/test-bucket/o/builds%2F{job.Id:N}.sif?alt=media");
    }

    [Fact]
    public async Task Success_WhoseImageDoesNotMatchWhatTheBuildReported_IsImportedAsAMismatch()
    {
        await using var scenario = await CloudBuildScenario.StartAsync(fixture, NoPolling);
        var job = CloudBuildScenario.NewJob();
        var id = await scenario.Host.Backend.SubmitAsync(job, CancellationToken.None);
        await scenario.PlayTheBuilderAsync(id);
        Google.Builds.Finish(id, "SUCCESS", $"sha256:{new string('a', 64)} 12345");

        using var response = await scenario.NotifyAsync(id);

        var import = Assert.Single(scenario.Reporter.Imports);
        Assert.Equal((BlobDigest.Parse(new string('a', 64)), 12345L, BuildImageImport.Mismatch), (import.Digest, import.Size, import.Outcome));
    }

    [Theory]
    [InlineData("FAILURE", "Build step 2 \"quay.io/singularity/singularity:v3.11.4\" failed")]
    [InlineData("TIMEOUT", null)]
    [InlineData("INTERNAL_ERROR", null)]
    public async Task Failure_ReportsFailureWithTheStatusAndTheLogsUrl(string status, string? detail)
    {
        await using var scenario = await CloudBuildScenario.StartAsync(fixture, NoPolling);
        var job = CloudBuildScenario.NewJob();
        var id = await scenario.Host.Backend.SubmitAsync(job, CancellationToken.None);
        Google.Builds.Finish(id, status, detail: detail);

        using var response = await scenario.NotifyAsync(id, status: status);

        var report = Assert.Single(scenario.Reporter.Reports);
        Assert.Equal((job.Id, BuildState.Failure, Google.Builds.Builds[id].LogUrl), (report.BuildId, report.State, report.LogsUrl));
        Assert.Contains(status, report.Message);
        if (detail is not null) Assert.Contains(detail, report.Message);
        Assert.Empty(scenario.Reporter.Imports);
    }

    [Fact]
    public async Task Success_WithoutTheDigestOutput_ReportsFailure()
    {
        await using var scenario = await CloudBuildScenario.StartAsync(fixture, NoPolling);
        var job = CloudBuildScenario.NewJob();
        var id = await scenario.Host.Backend.SubmitAsync(job, CancellationToken.None);
        Google.Builds.Finish(id, "SUCCESS");

        using var response = await scenario.NotifyAsync(id);

        var report = Assert.Single(scenario.Reporter.Reports);
        Assert.Equal(BuildState.Failure, report.State);
        Assert.Contains("sha256", report.Message);
        Assert.Empty(scenario.Reporter.Imports);
    }

    [Fact]
    public async Task Cancel_AsksCloudBuildToCancel_ThenReportsCancelled_AndCancellingAgainIsHarmless()
    {
        await using var scenario = await CloudBuildScenario.StartAsync(fixture, NoPolling);
        var job = CloudBuildScenario.NewJob();
        var id = await scenario.Host.Backend.SubmitAsync(job, CancellationToken.None);

        await scenario.Host.Backend.CancelAsync(id, CancellationToken.None);
        using var response = await scenario.NotifyAsync(id, status: "CANCELLED");
        await scenario.Host.Backend.CancelAsync(id, CancellationToken.None);

        var cancels = Google.Requests.Where(r => r.Path == $"/v1/projects/test-project/builds/{id}:cancel").ToList();
        Assert.Equal(2, cancels.Count);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"projectId":"test-project","id":"{{id}}"}"""), JsonNode.Parse(cancels[0].Body)));
        Assert.Equal("CANCELLED", Google.Builds.Builds[id].Status);
        var report = Assert.Single(scenario.Reporter.Reports);
        Assert.Equal((job.Id, BuildState.Cancelled), (report.BuildId, report.State));
    }
}
