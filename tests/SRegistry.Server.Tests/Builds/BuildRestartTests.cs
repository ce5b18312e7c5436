namespace SRegistry.Server.Tests.Builds;

/// <summary>Builds live in the database: a restart keeps working builds as they were and dispatches queued ones.</summary>
public sealed class BuildRestartTests
{
    [Fact]
    public async Task QueuedBuild_SurvivesRestart_AndRunsWhenTheSlotFrees()
    {
        await using var server = await BuildServer.StartAsync();
        var scene = await BuildScene.CreateAsync(server);
        var held = Assert.Single(await scene.TriggerAsync("push", scene.Hooks.Push("main", GitHubDeliveries.Sha(), (GitHubDeliveries.Sha(), ["hold.def"], []))));
        await scene.WaitForAsync(held, "working");
        var queued = Assert.Single(await scene.TriggerAsync("push", scene.Hooks.Push("main", GitHubDeliveries.Sha(), (GitHubDeliveries.Sha(), ["after.def"], []))));

        await server.RestartAsync();

        Assert.Equal("working", (await scene.BuildAsync(held)).GetProperty("state").GetString());
        Assert.Equal("queued", (await scene.BuildAsync(queued)).GetProperty("state").GetString());
        (await scene.Alice.PostAsync($"/api/v1/builds/{held}/cancel", new { })).Json();
        await scene.WaitForAsync(queued, "success");
    }
}
