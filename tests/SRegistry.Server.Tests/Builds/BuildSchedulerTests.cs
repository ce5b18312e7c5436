using System.Net;
using SRegistry.Server.Tests.Operations;

namespace SRegistry.Server.Tests.Builds;

/// <summary>The queue: one build at a time (Builds:MaxConcurrent = 1), cancelling, and REST and web privacy of builds.</summary>
[Collection(BuildServerCollection.Name)]
public sealed class BuildSchedulerTests(BuildServerFixture fixture)
{
    private BuildServer Server => fixture.Builds;

    [Fact]
    public async Task SecondBuild_WaitsForTheSlot_AndCancellingTheFirstFreesIt()
    {
        var scene = await BuildScene.CreateAsync(Server);
        var held = Assert.Single(await scene.TriggerAsync("push", scene.Hooks.Push("main", GitHubDeliveries.Sha(), (GitHubDeliveries.Sha(), [$"hold{scene.Collection}.def"], []))));
        await scene.WaitForAsync(held, "working");

        var next = Assert.Single(await scene.TriggerAsync("push", scene.Hooks.Push("main", GitHubDeliveries.Sha(), (GitHubDeliveries.Sha(), ["next.def"], []))));

        Assert.Equal("queued", (await scene.BuildAsync(next)).GetProperty("state").GetString());
        var metrics = await MetricsParser.ParseAsync(await Server.Server.Client.GetStringAsync("/metrics"));
        Assert.Equal((1.0, 1.0), (metrics.Value("sregistry_builds_queued"), metrics.Value("sregistry_builds_working")));
        (await scene.Bob.PostAsync($"/api/v1/builds/{held}/cancel", new { })).Problem(HttpStatusCode.NotFound, "not_found");
        var cancelled = (await scene.Alice.PostAsync($"/api/v1/builds/{held}/cancel", new { })).Json();
        Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
        await scene.WaitForAsync(next, "success");
        (await scene.Alice.PostAsync($"/api/v1/builds/{held}/cancel", new { })).Problem(HttpStatusCode.Conflict, "conflict", "already finished");
        Assert.Equal("error", (await Server.GitHub.StatusesOnceAsync(scene.Repository, cancelled.GetProperty("commit").GetString()!, "error")).Last().State);
    }

    [Fact]
    public async Task PrivateCollectionBuilds_Are404ToOthers_AndListedForOwners()
    {
        var scene = await BuildScene.CreateAsync(Server, isPrivate: true);
        var id = Assert.Single(await scene.TriggerAsync("push", scene.Hooks.Push("main", GitHubDeliveries.Sha(), (GitHubDeliveries.Sha(), ["Singularity"], []))));
        await scene.WaitForAsync(id, "success");

        (await scene.Bob.GetAsync(scene.BuildsPath)).Problem(HttpStatusCode.NotFound, "not_found");
        (await scene.Anonymous.GetAsync(scene.BuildsPath)).Problem(HttpStatusCode.NotFound, "not_found");
        (await scene.Bob.GetAsync($"/api/v1/builds/{id}")).Problem(HttpStatusCode.NotFound, "not_found");
        (await scene.Bob.GetAsync($"/api/v1/collections/alice/{scene.Collection}/connections")).Problem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.NotFound, (await Server.Server.Client.GetAsync($"/builds/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Server.Server.Client.GetAsync($"/c/alice/{scene.Collection}/builds")).StatusCode);
        var listed = (await scene.Alice.GetAsync(scene.BuildsPath)).Json();
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Connections_AreOwnersOnly_AndTheSecretIsShownOnce()
    {
        var scene = await BuildScene.CreateAsync(Server, isPrivate: false);

        var secret = scene.Created.GetProperty("secret").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", secret);
        Assert.StartsWith(Server.Server.BaseAddress + "plugins/github-webhooks/hook/", scene.Created.GetProperty("webhookUrl").GetString(), StringComparison.Ordinal);
        var listed = (await scene.Alice.GetAsync($"/api/v1/collections/alice/{scene.Collection}/connections")).Json();
        Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["Singularity", "Singularity.*", "*.def"], Assert.Single(listed.EnumerateArray()).GetProperty("recipePatterns").EnumerateArray().Select(p => p.GetString()));
        (await scene.Bob.GetAsync($"/api/v1/collections/alice/{scene.Collection}/connections")).Problem(HttpStatusCode.Forbidden, "forbidden");
        (await scene.Bob.PostAsync($"/api/v1/collections/alice/{scene.Collection}/connections", new { provider = "github", repository = "bob/evil" }))
            .Problem(HttpStatusCode.Forbidden, "forbidden");
        (await scene.Alice.PostAsync($"/api/v1/collections/alice/{scene.Collection}/connections", new { provider = "gitlab", repository = "a/b" }))
            .Problem(HttpStatusCode.BadRequest, "invalid_request", "github");
        (await scene.Alice.PostAsync($"/api/v1/collections/alice/{scene.Collection}/connections", new { provider = "github", repository = "no-owner" }))
            .Problem(HttpStatusCode.BadRequest, "invalid_request", "owner/name");
    }
}
