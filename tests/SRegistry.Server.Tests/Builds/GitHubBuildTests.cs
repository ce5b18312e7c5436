using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Builds;

/// <summary>End to end: signed GitHub webhooks to the published github-webhooks plugin, builds by the local-test backend, statuses at a fake GitHub.</summary>
[Collection(BuildServerCollection.Name)]
public sealed class GitHubBuildTests(BuildServerFixture fixture)
{
    private BuildServer Server => fixture.Builds;

    [Fact]
    public async Task PullRequest_BuildsUnderPrTag_PostsStatuses_AndMergePromotesWithoutRebuild()
    {
        var scene = await BuildScene.CreateAsync(Server);
        var head = GitHubDeliveries.Sha();
        Server.GitHub.SetPullRequestFiles(7, "Singularity.gpu", "README.md", "-Singularity");

        var builds = await scene.TriggerAsync("pull_request", scene.Hooks.PullRequest("opened", 7, head));

        var id = Assert.Single(builds);
        var built = await scene.WaitForAsync(id, "success");
        Assert.Equal("pr-7-gpu", built.GetProperty("tag").GetString());
        Assert.Equal(head, built.GetProperty("commit").GetString());
        Assert.Equal("Singularity.gpu", built.GetProperty("recipePath").GetString());
        var statuses = await Server.GitHub.StatusesOnceAsync(scene.Repository, head, "success");
        Assert.Equal("pending", statuses.First().State);
        Assert.Equal("success", statuses.Last().State);
        Assert.All(statuses, s => Assert.Equal(("sregistry/pr-7-gpu", $"{BuildServer.PublicUrl}/builds/{id}", $"Bearer {BuildServer.GitHubToken}"), (s.Context, s.TargetUrl, s.Authorization)));
        Assert.Equal(["pending", "success"], statuses.Select(s => s.State).Distinct());
        var library = new LibraryApi(Server.Server.Client, Server.AliceToken);
        (await library.GetAsync($"/v1/images/alice/{scene.Collection}/{scene.Container}:pr-7-gpu?arch=amd64")).Ok();
        Assert.Equal(HttpStatusCode.NotFound, (await library.GetAsync($"/v1/images/alice/{scene.Collection}/{scene.Container}:gpu?arch=amd64")).Status);

        var promoted = await scene.TriggerAsync("pull_request", scene.Hooks.PullRequest("closed", 7, head, merged: true));

        Assert.Equal([id], promoted);
        Assert.Equal(1, await scene.BuildCountAsync());
        var expected = Sha256(await File.ReadAllBytesAsync(Path.Combine(Server.WorkDirectory, $"{id}.sif")));
        Assert.Equal("sha256:" + expected, built.GetProperty("imageDigest").GetString());
        var image = (await library.GetAsync($"/v1/images/alice/{scene.Collection}/{scene.Container}:gpu?arch=amd64")).Data();
        Assert.Equal("sha256." + expected, image.GetProperty("hash").GetString());
        using var pull = new HttpRequestMessage(HttpMethod.Get, $"/v1/imagefile/alice/{scene.Collection}/{scene.Container}:gpu?arch=amd64");
        pull.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Server.AliceToken);
        using var pulled = await Server.Server.Client.SendAsync(pull);
        Assert.Equal(HttpStatusCode.OK, pulled.StatusCode);
        Assert.Equal(expected, Sha256(await pulled.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task PullRequestFromAFork_BuildsNothing()
    {
        var scene = await BuildScene.CreateAsync(Server);
        Server.GitHub.SetPullRequestFiles(4242, "Singularity.fork");

        var builds = await scene.TriggerAsync("pull_request", scene.Hooks.PullRequest("opened", 4242, GitHubDeliveries.Sha(), headRepository: "mallory/recipes"));

        Assert.Empty(builds);
        Assert.Equal(0, await scene.BuildCountAsync());
    }

    [Fact]
    public async Task BadSignature_ChangesNothing_AndTheDeliveryStaysNew()
    {
        var scene = await BuildScene.CreateAsync(Server);
        var payload = scene.Hooks.Push("main", GitHubDeliveries.Sha(), (GitHubDeliveries.Sha(), ["Singularity"], []));
        var delivery = Guid.NewGuid().ToString();

        using var wrong = await scene.Hooks.SendAsync("push", payload, delivery, signWith: "not-the-secret");
        using var unsigned = await scene.Hooks.SendAsync("push", payload, delivery, signed: false);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Contains("X-Hub-Signature-256", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await scene.BuildCountAsync());
        // The same delivery id, now signed, is new: the refused ones recorded nothing.
        using var signed = await scene.Hooks.SendAsync("push", payload, delivery);
        Assert.Equal(HttpStatusCode.Accepted, signed.StatusCode);
        await scene.WaitForAsync(Assert.Single(await LatestAsync(scene)), "success");
    }

    [Fact]
    public async Task Ping_IsAnswered_AndDuplicateDelivery_IsIgnored()
    {
        var scene = await BuildScene.CreateAsync(Server);
        using var ping = await scene.Hooks.SendAsync("ping", new { zen = "Keep it logically awesome.", hook_id = 1 });
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Contains("pong", await ping.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await scene.BuildCountAsync());

        var payload = scene.Hooks.Push("main", GitHubDeliveries.Sha(), (GitHubDeliveries.Sha(), ["tool.def"], []));
        var delivery = Guid.NewGuid().ToString();
        using var first = await scene.Hooks.SendAsync("push", payload, delivery);
        using var again = await scene.Hooks.SendAsync("push", payload, delivery);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already handled", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await scene.BuildCountAsync());
        await scene.WaitForAsync(Assert.Single(await LatestAsync(scene)), "success");
    }

    [Fact]
    public async Task Push_BuildsRecipesOnTheDefaultBranchOnly_WithTagsFromTheirNames()
    {
        var scene = await BuildScene.CreateAsync(Server);

        var none = await scene.TriggerAsync("push", scene.Hooks.Push("main", GitHubDeliveries.Sha(), (GitHubDeliveries.Sha(), ["README.md", "src/app.py"], ["Dockerfile"])));
        var otherBranch = await scene.TriggerAsync("push", scene.Hooks.Push("feature", GitHubDeliveries.Sha(), (GitHubDeliveries.Sha(), ["Singularity"], [])));
        var after = GitHubDeliveries.Sha();
        var builds = await scene.TriggerAsync("push", scene.Hooks.Push("main", after,
            (GitHubDeliveries.Sha(), ["Singularity", "docs/notes.txt"], []), (after, [], ["envs/analysis.def"])));

        Assert.Empty(none);
        Assert.Empty(otherBranch);
        Assert.Equal(2, builds.Count);
        var tags = new List<string>();
        foreach (var id in builds)
        {
            var build = await scene.WaitForAsync(id, "success");
            Assert.Equal(after, build.GetProperty("commit").GetString());
            Assert.Equal("github:push", build.GetProperty("requestedBy").GetString());
            tags.Add(build.GetProperty("tag").GetString()!);
        }

        Assert.Equal(["analysis", "latest"], tags.Order());
    }

    [Fact]
    public async Task Import_WithWrongDigest_FailsTheBuild_AndStoresNothing()
    {
        var scene = await BuildScene.CreateAsync(Server);

        var id = Assert.Single(await scene.TriggerAsync("push", scene.Hooks.Push("main", GitHubDeliveries.Sha(), (GitHubDeliveries.Sha(), ["corrupt.def"], []))));

        var failed = await scene.WaitForAsync(id, "failure");
        Assert.Contains("nothing was stored", failed.GetProperty("message").GetString(), StringComparison.Ordinal);
        var containers = (await scene.Alice.GetAsync($"/api/v1/collections/alice/{scene.Collection}/containers")).Json();
        foreach (var container in containers.GetProperty("items").EnumerateArray())
            Assert.Empty(container.GetProperty("tags").EnumerateArray());
        Assert.Equal("failure", (await Server.GitHub.StatusesOnceAsync(scene.Repository, failed.GetProperty("commit").GetString()!, "failure")).Last().State);
    }

    private static async Task<List<Guid>> LatestAsync(BuildScene scene) =>
        [.. (await scene.Alice.GetAsync(scene.BuildsPath)).Json().GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetGuid())];

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
