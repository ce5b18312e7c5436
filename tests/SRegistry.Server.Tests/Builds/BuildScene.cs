using System.Net;
using System.Text.Json;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Builds;

/// <summary>A fresh collection of alice's with a GitHub repository connected through the REST API, and ways to watch its builds.</summary>
public sealed class BuildScene
{
    private BuildScene(BuildServer server, string collection, string repository, string container, JsonElement created)
    {
        Server = server;
        Collection = collection;
        Repository = repository;
        Container = container;
        Created = created;
    }

    public BuildServer Server { get; }

    public string Collection { get; }

    public string Repository { get; }

    public string Container { get; }

    /// <summary>The REST answer to connecting the repository (connection, secret, webhookUrl).</summary>
    public JsonElement Created { get; }

    /// <summary>Alice's client on the server as it runs now (a restart changes its port).</summary>
    public RestClient Alice => new(Server.Server.Client, Server.AliceToken);

    public RestClient Bob => Alice.As(Server.BobToken);

    public RestClient Anonymous => Alice.As(null);

    public GitHubDeliveries Hooks => new(Server.Server.Client,
        Created.GetProperty("connection").GetProperty("hookPath").GetString()!, Created.GetProperty("secret").GetString()!, Repository);

    public string BuildsPath => $"/api/v1/collections/alice/{Collection}/builds";

    public static async Task<BuildScene> CreateAsync(BuildServer server, bool isPrivate = true)
    {
        var alice = new RestClient(server.Server.Client, server.AliceToken);
        var collection = LibraryServerFixture.UniqueName("c");
        (await alice.PostAsync("/api/v1/collections", new { entity = "alice", name = collection, @private = isPrivate })).Json(HttpStatusCode.Created);
        var repository = "octo/" + LibraryServerFixture.UniqueName("recipes");
        var created = (await alice.PostAsync($"/api/v1/collections/alice/{collection}/connections", new { provider = "github", repository })).Json(HttpStatusCode.Created);
        return new BuildScene(server, collection, repository, repository.Split('/')[1], created);
    }

    /// <summary>Sends a webhook and returns the ids of the builds it queued (asserting 202).</summary>
    public async Task<List<Guid>> TriggerAsync(string kind, object payload)
    {
        using var response = await Hooks.SendAsync(kind, payload);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{kind} webhook answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("builds").EnumerateArray().Select(b => b.GetGuid())];
    }

    public async Task<JsonElement> BuildAsync(Guid id) => (await Alice.GetAsync($"/api/v1/builds/{id}")).Json();

    /// <summary>Waits (bounded, not timed) until the build is in <paramref name="state"/>; fails at once if it ends in another final state.</summary>
    public async Task<JsonElement> WaitForAsync(Guid id, string state)
    {
        var giveUp = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var build = await BuildAsync(id);
            var now = build.GetProperty("state").GetString();
            if (now == state) return build;
            Assert.False(now is "success" or "failure" or "cancelled", $"Build {id} ended {now} instead of {state}: {build}");
            Assert.True(DateTime.UtcNow < giveUp, $"Build {id} is still {now}, waiting for {state}: {build}");
            await Task.Delay(100);
        }
    }

    /// <summary>The total of the collection's build list.</summary>
    public async Task<int> BuildCountAsync() => (await Alice.GetAsync(BuildsPath)).Json().GetProperty("total").GetInt32();
}
