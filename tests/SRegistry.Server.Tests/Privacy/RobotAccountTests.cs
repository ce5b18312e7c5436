using System.Net;
using System.Net.Http.Headers;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Library;
using SRegistry.Server.Tests.Oci.Interop;
using SRegistry.Server.Tests.Web;

namespace SRegistry.Server.Tests.Privacy;

/// <summary>
/// Robot accounts pushing from CI through every door, with the real clients (the Go library client,
/// sregistry-cli's requests, oras), in a private-mode registry: pushes to their collection work and are
/// audited under the robot's name; anything else is refused and stores nothing.
/// </summary>
[Collection(PrivateModeCollection.Name)]
public sealed class RobotAccountTests(PrivateModeFixture registry)
{
    private readonly RobotScene _scene = new(registry);
    private readonly LibraryHarness _library = new();
    private readonly OrasHarness _oras = new();

    private string Registry => $"{registry.Server.BaseAddress.Host}:{registry.Server.BaseAddress.Port}";

    [Fact]
    public async Task Robot_PushesToItsCollection_ThroughTheLibraryDoor_AndTheAuditLogNamesIt()
    {
        var collection = await _scene.CollectionAsync("lib");
        var (robot, token) = await _scene.RobotAsync(collection, "push");
        var sif = await SifFiles.CreateAsync(registry.Files);

        await _library.RunAsync(registry.Server.BaseAddress, token, "push", sif, $"{registry.Alice}/{collection}/app:v1");

        var pulled = await _library.RunAsync(registry.Server.BaseAddress, registry.AliceToken, "get", $"{registry.Alice}/{collection}/app:v1");
        Assert.Equal(SifFiles.LibraryHash(sif), pulled.GetProperty("hash").GetString());
        var audit = await _scene.AuditAsync(robot);
        Assert.Contains("tag.set", audit, StringComparison.Ordinal);
        Assert.Contains($"{registry.Alice}/{collection}/app", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Robot_IsRefused_ThroughTheLibraryDoor_ForAnotherCollection_AndStoresNothing()
    {
        var mine = await _scene.CollectionAsync("own");
        var other = await _scene.CollectionAsync("other");
        var (_, token) = await _scene.RobotAsync(mine, "push", "delete");
        var before = await _scene.StoredAsync();

        var intoOther = await _library.TryRunAsync(registry.Server.BaseAddress, token, "push", await SifFiles.CreateAsync(registry.Files), $"{registry.Alice}/{other}/app:v1");
        var intoNew = await _library.TryRunAsync(registry.Server.BaseAddress, token, "push", await SifFiles.CreateAsync(registry.Files), $"{registry.Alice}/{LibraryServerFixture.UniqueName("new")}/app:v1");

        Assert.NotEqual(0, intoOther.ExitCode);
        Assert.NotEqual(0, intoNew.ExitCode);
        Assert.Equal(before, await _scene.StoredAsync());
    }

    [Fact]
    public async Task Robot_WithoutDelete_CannotDelete_ButWithDeleteCan()
    {
        var collection = await _scene.CollectionAsync("del");
        var (_, pusher) = await _scene.RobotAsync(collection, "push");
        var (_, deleter) = await _scene.RobotAsync(collection, "pull", "delete");
        var reference = $"{registry.Alice}/{collection}/app:v1";
        await _library.RunAsync(registry.Server.BaseAddress, pusher, "push", await SifFiles.CreateAsync(registry.Files), reference);
        var before = await _scene.StoredAsync();

        var refused = await _library.TryRunAsync(registry.Server.BaseAddress, pusher, "delete", reference);
        var unchanged = await _scene.StoredAsync();
        await _library.RunAsync(registry.Server.BaseAddress, deleter, "delete", reference);

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Equal(before, unchanged);
        Assert.Equal(LibraryHarness.NotFound, (await _library.TryRunAsync(registry.Server.BaseAddress, registry.AliceToken, "get", reference)).ExitCode);
    }

    [Fact]
    public async Task Robot_PushesThroughTheSRegistryCliDoor_ToItsCollectionOnly()
    {
        // sregistry-cli pushes into the default entity; alice opens two collections there by pushing.
        var alice = await registry.CliClientAsync(registry.Alice, registry.AliceToken);
        var mine = LibraryServerFixture.UniqueName("cli");
        var other = LibraryServerFixture.UniqueName("cli");
        Assert.Equal(HttpStatusCode.OK, (await alice.PushAsync(await SifFiles.CreateAsync(registry.Files), mine, "seed", "v1")).Status);
        Assert.Equal(HttpStatusCode.OK, (await alice.PushAsync(await SifFiles.CreateAsync(registry.Files), other, "seed", "v1")).Status);
        var (robot, token) = await _scene.RobotAtAsync($"/api/v1/collections/default/{mine}/robots", ["push"]);
        var client = await registry.CliClientAsync(robot, token);
        var sif = await SifFiles.CreateAsync(registry.Files);

        var pushed = await client.PushAsync(sif, mine, "app", "v1");
        var before = await _scene.StoredAsync();
        var refused = await client.PushAsync(await SifFiles.CreateAsync(registry.Files), other, "app", "v1");

        Assert.True(pushed.Status == HttpStatusCode.OK, pushed.ToString());
        Assert.True(refused.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, refused.ToString());
        Assert.Equal(before, await _scene.StoredAsync());
        var (_, bytes) = await alice.PullAsync(mine, "app", "v1");
        Assert.Equal(await File.ReadAllBytesAsync(sif), bytes);
        Assert.Contains(mine, await _scene.AuditAsync(robot), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Robot_PushesThroughTheOciDoor_WithOras_ToItsCollectionOnly()
    {
        var mine = await _scene.CollectionAsync("oci");
        var other = await _scene.CollectionAsync("oci");
        var (robot, token) = await _scene.RobotAsync(mine, "push");
        var credentials = new RegistryCredentials(robot, token);
        var sif = await SifFiles.CreateAsync(registry.Files);

        var pushed = await _oras.PushAsync(sif, $"{Registry}/{registry.Alice}/{mine}/app:v1", credentials);
        var before = await _scene.StoredAsync();
        var refused = await _oras.TryRunAsync(["push", await SifFiles.CreateAsync(registry.Files), $"{Registry}/{registry.Alice}/{other}/app:v1"], credentials);

        Assert.False(string.IsNullOrEmpty(pushed.GetProperty("manifestDigest").GetString()));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Equal(before, await _scene.StoredAsync());
        var pulled = await _library.RunAsync(registry.Server.BaseAddress, registry.AliceToken, "get", $"{registry.Alice}/{mine}/app:v1");
        Assert.Equal(SifFiles.LibraryHash(sif), pulled.GetProperty("hash").GetString());
        Assert.Contains($"{registry.Alice}/{mine}/app", await _scene.AuditAsync(robot), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedRobot_IsRefused_AtOnce()
    {
        var collection = await _scene.CollectionAsync("rev");
        var (robot, token) = await _scene.RobotAsync(collection, "push");
        var shortName = robot[(robot.LastIndexOf('+') + 1)..];

        (await registry.Rest.DeleteAsync($"/api/v1/collections/{registry.Alice}/{collection}/robots/{shortName}")).NoContent();
        var push = await _library.TryRunAsync(registry.Server.BaseAddress, token, "push", await SifFiles.CreateAsync(registry.Files), $"{registry.Alice}/{collection}/app:v1");
        var listed = (await registry.Rest.GetAsync($"/api/v1/collections/{registry.Alice}/{collection}/robots")).Json();

        Assert.NotEqual(0, push.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await new RestClient(registry.Server.Client, token).GetAsync("/api/v1/me")).Status);
        Assert.False(listed[0].GetProperty("active").GetBoolean());
        Assert.NotNull(listed[0].GetProperty("tokens")[0].GetProperty("revokedAt").GetString());
    }

    [Fact]
    public async Task Robot_CannotSignIn_NorMintTokens_NorManageItsCollection()
    {
        var collection = await _scene.CollectionAsync("lock");
        var (robot, token) = await _scene.RobotAsync(collection, "push", "delete");
        var asRobot = new RestClient(registry.Server.Client, token);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = registry.Server.BaseAddress };
        var antiforgery = await WebForms.AntiforgeryTokenAsync(browser, "/auth/sign-in");

        using var signIn = await browser.PostAsync("/auth/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = robot, ["password"] = token, ["__RequestVerificationToken"] = antiforgery,
        }));
        using var cliSignIn = await browser.PostAsync("/api/api-token-auth/", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = robot, ["password"] = token }));

        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.False(cliSignIn.IsSuccessStatusCode);
        (await asRobot.PostAsync("/api/v1/tokens", new { name = "more" })).Problem(HttpStatusCode.Forbidden, "forbidden");
        (await asRobot.PostAsync($"/api/v1/collections/{registry.Alice}/{collection}/robots", new { name = "child", scopes = new[] { "push" } })).Problem(HttpStatusCode.Forbidden, "forbidden");
        (await asRobot.PatchAsync($"/api/v1/collections/{registry.Alice}/{collection}", new { @private = true })).Problem(HttpStatusCode.Forbidden, "forbidden");
        (await asRobot.PostAsync("/api/v1/teams", new { name = LibraryServerFixture.UniqueName("t") })).Problem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task TeamRobot_PushesToTheTeamsCollections_NotToOthers()
    {
        var team = LibraryServerFixture.UniqueName("team");
        (await registry.Rest.PostAsync("/api/v1/teams", new { name = team })).Json(HttpStatusCode.Created);
        (await registry.Rest.PostAsync("/api/v1/entities", new { name = team })).Json(HttpStatusCode.Created);
        var teamCollection = await _scene.CollectionAsync("tc", team);
        var aliceCollection = await _scene.CollectionAsync("ac");
        var (_, token) = await _scene.RobotAtAsync($"/api/v1/teams/{team}/robots", ["push"]);

        await _library.RunAsync(registry.Server.BaseAddress, token, "push", await SifFiles.CreateAsync(registry.Files), $"{team}/{teamCollection}/app:v1");
        var refused = await _library.TryRunAsync(registry.Server.BaseAddress, token, "push", await SifFiles.CreateAsync(registry.Files), $"{registry.Alice}/{aliceCollection}/app:v1");

        Assert.NotEqual(0, refused.ExitCode);
    }

    [Fact]
    public async Task RobotScopes_OtherThanPullPushDelete_AreRefused()
    {
        var collection = await _scene.CollectionAsync("scope");

        (await registry.Rest.PostAsync($"/api/v1/collections/{registry.Alice}/{collection}/robots", new { name = "ci", scopes = new[] { "admin" } }))
            .Problem(HttpStatusCode.BadRequest, "invalid_request", "pull, push, delete");
        (await registry.Rest.PostAsync($"/api/v1/collections/{registry.Alice}/{collection}/robots", new { name = "ci", scopes = Array.Empty<string>() }))
            .Problem(HttpStatusCode.BadRequest, "invalid_request", "pull, push, delete");
    }

    [Fact]
    public async Task Robot_MadeWithALimitedToken_GetsNoScopeThatTokenLacks()
    {
        var collection = await _scene.CollectionAsync("limit");
        var team = LibraryServerFixture.UniqueName("team");
        (await registry.Rest.PostAsync("/api/v1/teams", new { name = team })).Json(HttpStatusCode.Created);
        var withoutPush = new RestClient(registry.Server.Client, await TokenAsync("pull", "delete"));
        var pushOnly = new RestClient(registry.Server.Client, await TokenAsync("pull", "push"));

        (await withoutPush.PostAsync($"/api/v1/collections/{registry.Alice}/{collection}/robots", new { name = "ci", scopes = new[] { "push" } }))
            .Problem(HttpStatusCode.Forbidden, "forbidden", "does not allow 'push'");
        (await pushOnly.PostAsync($"/api/v1/teams/{team}/robots", new { name = "ci", scopes = new[] { "delete" } }))
            .Problem(HttpStatusCode.Forbidden, "forbidden", "allows delete");
        (await withoutPush.PostAsync($"/api/v1/collections/{registry.Alice}/{collection}/robots", new { name = "ci", scopes = new[] { "pull" } }))
            .Json(HttpStatusCode.Created);
    }

    private async Task<string> TokenAsync(params string[] scopes) =>
        (await registry.Rest.PostAsync("/api/v1/tokens", new { name = LibraryServerFixture.UniqueName("t"), scopes }))
            .Json(HttpStatusCode.Created).GetProperty("secret").GetString()!;
}
