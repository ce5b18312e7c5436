using System.Net;
using System.Text.RegularExpressions;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;
using SRegistry.Server.Tests.Web;

namespace SRegistry.Server.Tests.Builds;

/// <summary>The Builds page: owners connect a repository (the secret shown once) and cancel builds; others of a private collection get 404.</summary>
[Collection(BuildServerCollection.Name)]
public sealed partial class BuildPagesTests(BuildServerFixture fixture)
{
    private BuildServer Server => fixture.Builds;

    [Fact]
    public async Task Owner_ConnectsARepository_AndCancelsABuild_InTheBrowserForms()
    {
        var owner = LibraryServerFixture.UniqueName("web");
        await AdminCli.OkAsync(Server.DataDirectory, WebUsers.Password + "\n", "user", "create", owner, "--password-stdin");
        var token = await AdminCli.OkAsync(Server.DataDirectory, null, "token", "create", owner, "--name", "t");
        var collection = LibraryServerFixture.UniqueName("c");
        (await new RestClient(Server.Server.Client, token).PostAsync("/api/v1/collections", new { entity = owner, name = collection, @private = true })).Json(HttpStatusCode.Created);
        var page = $"/c/{owner}/{collection}/builds";
        using var session = await SessionAsync(owner);
        using var stranger = await SessionAsync(null);

        using var connected = await PostFormAsync(session, page, "Connect", new() { ["provider"] = "github", ["repository"] = "octo/web-recipes" });

        var html = await connected.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, connected.StatusCode);
        var secret = Secret().Match(html).Groups[1].Value;
        var hook = new Uri(WebUtility.HtmlDecode(HookUrl().Match(html).Groups[1].Value)).AbsolutePath;
        Assert.Matches("^[0-9a-f]{64}$", secret);
        Assert.DoesNotContain(secret, await session.GetStringAsync(page), StringComparison.Ordinal);
        var hooks = new GitHubDeliveries(Server.Server.Client, hook, secret, "octo/web-recipes");
        using var pushed = await hooks.SendAsync("push", hooks.Push("main", GitHubDeliveries.Sha(), (GitHubDeliveries.Sha(), [$"hold{collection}.def"], [])));
        Assert.Equal(HttpStatusCode.Accepted, pushed.StatusCode);
        var builds = new RestClient(Server.Server.Client, token);
        var id = (await builds.GetAsync($"/api/v1/collections/{owner}/{collection}/builds")).Json().GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/builds/{id}")).StatusCode);

        using var cancelled = await PostFormAsync(session, page, "Cancel", new() { ["buildId"] = id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal("cancelled", (await builds.GetAsync($"/api/v1/builds/{id}")).Json().GetProperty("state").GetString());
        Assert.Contains("cancelled", await session.GetStringAsync($"/builds/{id}"), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SessionAsync(string? user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Server.Server.BaseAddress };
        if (user is not null) await WebForms.SignInAsync(client, user, WebUsers.Password);
        return client;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient session, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebForms.AntiforgeryTokenAsync(session, page);
        return await session.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("id=\"webhook-secret\">([0-9a-f]+)<")]
    private static partial Regex Secret();

    [GeneratedRegex("id=\"webhook-url\">([^<]+)<")]
    private static partial Regex HookUrl();
}
