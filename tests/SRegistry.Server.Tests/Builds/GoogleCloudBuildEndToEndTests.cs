using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SRegistry.Plugins.GoogleBuild.Tests.Fakes;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Builds;

/// <summary>
/// End to end: the real server loads the published github-webhooks and google-build plugins; a signed
/// webhook becomes a build at the fake Cloud Build, the test plays the builder and sends the Pub/Sub
/// callback, and the image lands in the fake Cloud Storage bucket and the library.
/// </summary>
public sealed class GoogleCloudBuildEndToEndTests(GoogleCloudBuildFixture fixture) : IClassFixture<GoogleCloudBuildFixture>
{
    private BuildServer Server => fixture.Builds;

    private FakeGoogleServer Google => fixture.Google;

    [Fact]
    public async Task PullRequest_BuiltOnCloudBuild_IsImportedIntoTheBucketUnderThePrTag_WithStatusesAtGitHub()
    {
        var scene = await BuildScene.CreateAsync(Server);
        var head = GitHubDeliveries.Sha();
        Server.GitHub.SetPullRequestFiles(7, "Singularity.gpu", "README.md");

        var id = Assert.Single(await scene.TriggerAsync("pull_request", scene.Hooks.PullRequest("opened", 7, head)));

        var cloudBuild = await SubmittedAsync(scene, id);
        var expected = JsonNode.Parse($$"""
            {
              "steps": [
                { "id": "fetch", "name": "gcr.io/cloud-builders/git", "args": ["clone", "--no-checkout", "--", "{{GitHubDeliveries.CloneUrlBase}}{{scene.Repository}}.git", "source"] },
                { "id": "checkout", "name": "gcr.io/cloud-builders/git", "dir": "source", "args": ["checkout", "--detach", "{{head}}"] },
                { "id": "build", "name": "quay.io/singularity/singularity:v3.11.4", "dir": "source", "args": ["build", "/workspace/image.sif", "Singularity.gpu"] },
                { "id": "digest", "name": "gcr.io/cloud-builders/gcloud", "entrypoint": "bash",
                  "args": ["-c", "printf 'sha256:%s %s' \"$$(sha256sum /workspace/image.sif | cut -d' ' -f1)\" \"$$(stat -c %s /workspace/image.sif)\" > \"$$BUILDER_OUTPUT/output\""] },
                { "id": "upload", "name": "gcr.io/cloud-builders/gcloud", "entrypoint": "gcloud",
                  "args": ["storage", "cp", "/workspace/image.sif", "gs://test-bucket/builds/{{id:N}}.sif"] }
              ],
              "timeout": "3600s",
              "tags": ["{{GoogleCloudBuildFixture.BuildTag}}", "{{GoogleCloudBuildFixture.BuildTag}}-{{id:N}}"]
            }
            """);
        var create = Assert.Single(Google.Requests, r => r.Method == "POST" && r.Path == "/v1/projects/test-project/builds" && r.Body.Contains(id.ToString("N"), StringComparison.Ordinal));
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(create.Body)), create.Body);
        Assert.True(Google.IsIssuedToken(create.Authorization));
        Assert.DoesNotContain(BuildServer.GitHubToken, create.Body, StringComparison.Ordinal);

        var (hex, bytes) = await PlayTheBuilderAsync(cloudBuild, id);
        using (var notified = await NotifyAsync(cloudBuild.Id, "SUCCESS"))
            Assert.Equal(HttpStatusCode.NoContent, notified.StatusCode);

        var built = await scene.WaitForAsync(id, "success");
        Assert.Equal(("pr-7-gpu", head, "sha256:" + hex), (built.GetProperty("tag").GetString(), built.GetProperty("commit").GetString(), built.GetProperty("imageDigest").GetString()));
        Assert.Equal(bytes, Google.Storage.ReadObject($"blobs/sha256/{hex}"));
        Assert.Null(Google.Storage.ReadObject($"builds/{id:N}.sif"));
        var statuses = await Server.GitHub.StatusesOnceAsync(scene.Repository, head, "success");
        Assert.Equal(["pending", "success"], statuses.Select(s => s.State).Distinct());
        Assert.Equal(("pending", "success"), (statuses.First().State, statuses.Last().State));
        Assert.All(statuses, s => Assert.Equal(("sregistry/pr-7-gpu", $"{BuildServer.PublicUrl}/builds/{id}"), (s.Context, s.TargetUrl)));

        var library = new LibraryApi(Server.Server.Client, Server.AliceToken);
        var image = (await library.GetAsync($"/v1/images/alice/{scene.Collection}/{scene.Container}:pr-7-gpu?arch=amd64")).Data();
        Assert.Equal("sha256." + hex, image.GetProperty("hash").GetString());
        Assert.Equal(hex, Convert.ToHexStringLower(SHA256.HashData(await PullAsync($"/v1/imagefile/alice/{scene.Collection}/{scene.Container}:pr-7-gpu?arch=amd64"))));
    }

    [Fact]
    public async Task FailedCloudBuild_FailsTheBuild_PostsAFailureStatus_AndStoresNothing()
    {
        var scene = await BuildScene.CreateAsync(Server);
        var after = GitHubDeliveries.Sha();
        var id = Assert.Single(await scene.TriggerAsync("push", scene.Hooks.Push("main", after, (after, ["Singularity"], []))));
        var cloudBuild = await SubmittedAsync(scene, id);
        var objectsBefore = Google.Storage.ObjectNames.Order().ToList();

        Google.Builds.Finish(cloudBuild.Id, "FAILURE", detail: "Build step 2 \"build\" failed: step exited with non-zero status: 255");
        using (var notified = await NotifyAsync(cloudBuild.Id, "FAILURE"))
            Assert.Equal(HttpStatusCode.NoContent, notified.StatusCode);

        var failed = await scene.WaitForAsync(id, "failure");
        Assert.Equal("Google Cloud Build ended with FAILURE: Build step 2 \"build\" failed: step exited with non-zero status: 255; see its logs.", failed.GetProperty("message").GetString());
        Assert.Equal(cloudBuild.LogUrl.AbsoluteUri, failed.GetProperty("logsUrl").GetString());
        Assert.Equal(["pending", "failure"], (await Server.GitHub.StatusesOnceAsync(scene.Repository, after, "failure")).Select(s => s.State).Distinct());
        Assert.Equal(objectsBefore, Google.Storage.ObjectNames.Order());
        var containers = (await scene.Alice.GetAsync($"/api/v1/collections/alice/{scene.Collection}/containers")).Json();
        foreach (var container in containers.GetProperty("items").EnumerateArray())
            Assert.Empty(container.GetProperty("tags").EnumerateArray());
    }

    [Fact]
    public async Task Callback_WithoutTheSecret_IsRefused_AndTheBuildKeepsWorking()
    {
        var scene = await BuildScene.CreateAsync(Server);
        var after = GitHubDeliveries.Sha();
        var id = Assert.Single(await scene.TriggerAsync("push", scene.Hooks.Push("main", after, (after, ["tool.def"], []))));
        var cloudBuild = await SubmittedAsync(scene, id);
        await PlayTheBuilderAsync(cloudBuild, id);

        using (var refused = await NotifyAsync(cloudBuild.Id, "SUCCESS", token: "not-the-secret"))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("working", (await scene.BuildAsync(id)).GetProperty("state").GetString());

        using (var notified = await NotifyAsync(cloudBuild.Id, "SUCCESS"))
            Assert.Equal(HttpStatusCode.NoContent, notified.StatusCode);
        Assert.Equal("tool", (await scene.WaitForAsync(id, "success")).GetProperty("tag").GetString());
    }

    /// <summary>
    /// The Cloud Build build the registry submitted for build <paramref name="id"/>, once the registry
    /// shows it working and the submission has arrived, so the test never finishes a build the registry has not handed over.
    /// </summary>
    private async Task<FakeBuild> SubmittedAsync(BuildScene scene, Guid id)
    {
        await scene.WaitForAsync(id, "working");

        // The registry marks a build working as it hands it over, so the submission may still be on its way.
        var tag = $"{GoogleCloudBuildFixture.BuildTag}-{id:N}";
        var giveUp = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var submitted = Google.Builds.Builds.Values.Where(b => b.Tags.Contains(tag)).ToList();
            if (submitted.Count > 0) return Assert.Single(submitted);
            Assert.True(DateTime.UtcNow < giveUp, $"Cloud Build never received build {id}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Does what the build's steps would: a real SIF at the upload step's gs:// path, and SUCCESS with its digest as step 3's output.</summary>
    private async Task<(string Hex, byte[] Bytes)> PlayTheBuilderAsync(FakeBuild build, Guid id)
    {
        using var work = new TestDirectory();
        var sif = await SifFiles.CreateAsync(work.Path);
        var bytes = await File.ReadAllBytesAsync(sif);
        var destination = build.Definition["steps"]![4]!["args"]![3]!.GetValue<string>();
        Assert.Equal($"gs://{FakeCloudStorage.Bucket}/builds/{id:N}.sif", destination);
        Google.Storage.PutObject(destination[$"gs://{FakeCloudStorage.Bucket}/".Length..], sif);
        var hex = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Google.Builds.Finish(build.Id, "SUCCESS", $"sha256:{hex} {bytes.Length}");
        return (hex, bytes);
    }

    /// <summary>Posts to the server what a Pub/Sub push subscription on the cloud-builds topic posts.</summary>
    private async Task<HttpResponseMessage> NotifyAsync(string cloudBuildId, string status, string token = GoogleCloudBuildFixture.CallbackSecret)
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
        return await Server.Server.Client.PostAsJsonAsync("/plugins/google-build/builds/notify?token=" + Uri.EscapeDataString(token), push);
    }

    /// <summary>Downloads an image file as alice; the store may answer with a redirect to a signed URL, which is followed.</summary>
    private async Task<byte[]> PullAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Server.AliceToken);
        using var pulled = await Server.Server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, pulled.StatusCode);
        return await pulled.Content.ReadAsByteArrayAsync();
    }
}
