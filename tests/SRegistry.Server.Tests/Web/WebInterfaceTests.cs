using System.Net;
using System.Net.Http.Headers;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Web;

/// <summary>The web interface in a real Chromium, against the real server, with images pushed through the library API.</summary>
[Collection(RestApiCollection.Name)]
public sealed class WebInterfaceTests(LibraryServerFixture server)
{
    private readonly RestScene scene = new(server);
    private readonly WebUsers users = new(server);

    [Fact]
    public async Task SignIn_CreateToken_TheTokenWorksWithTheLibraryApi()
    {
        var (user, password) = await PasswordUserAsync();
        using var browser = new Browser(server.Url);

        browser.SignIn(user, password);
        browser.Open("/auth/tokens");
        browser.Fill("#name", "laptop");
        browser.Click("#create-token");
        var token = browser.Text("#new-token");
        browser.Screenshot("tokens");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/token-status");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var status = await server.Server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(user, (await new RestClient(server.Server.Client, token).GetAsync("/api/v1/me")).Json().GetProperty("userName").GetString());
        browser.Open("/auth/tokens");
        Assert.DoesNotContain(token, browser.PageSource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browse_FromTheCollectionListToAnImagePushedThroughTheLibraryApi()
    {
        var collection = await scene.CollectionAsync(isPrivate: false);
        var image = await scene.PushAsync(collection, container: "bwa");
        using var browser = new Browser(server.Url);

        browser.Open($"/?page=1");
        browser.Open($"/c/alice/{collection}");
        browser.Screenshot("collection");
        browser.ClickLink("bwa");
        Assert.Contains($"library://{server.Url.Authority}/alice/{collection}/bwa:v1", browser.PageSource, StringComparison.Ordinal);
        Assert.Contains($"oras://{server.Url.Authority}/alice/{collection}/bwa:v1", browser.PageSource, StringComparison.Ordinal);
        browser.Screenshot("container");
        browser.ClickLink(image.Sha256[..12]);

        Assert.Equal($"/images/{image.Id}", browser.Path);
        Assert.Equal("sha256:" + image.Sha256, browser.Text("#digest"));
        browser.Screenshot("image");
    }

    [Fact]
    public async Task Search_FindsAPushedContainer()
    {
        var collection = await scene.CollectionAsync(isPrivate: false);
        var name = LibraryServerFixture.UniqueName("findme");
        await scene.PushAsync(collection, container: name);
        using var browser = new Browser(server.Url);

        browser.Open("/");
        browser.Fill("header input[name=q]", name);
        browser.Find("header input[name=q]").Submit();
        browser.ClickLink($"alice/{collection}/{name}");

        Assert.Equal($"/c/alice/{collection}/{name}", browser.Path);
        browser.Screenshot("search-result");
    }

    [Fact]
    public async Task ShareLink_CreatedInTheBrowser_DownloadsSignedOut_UntilRevoked()
    {
        var (user, password) = await PasswordUserAsync();
        var token = await AdminCli.OkAsync(server.DataDirectory, null, "token", "create", user, "--name", "push");
        var owner = new RestScene(server, user, token);
        var image = await owner.PushAsync(await owner.CollectionAsync(isPrivate: true));
        using var browser = new Browser(server.Url);

        browser.SignIn(user, password);
        browser.Open($"/images/{image.Id}");
        browser.Click("#create-share");
        var url = browser.Text("#share-url");
        browser.Screenshot("share-link");
        browser.SignOut();
        using var anonymous = new HttpClient();
        var bytes = await anonymous.GetByteArrayAsync(url);
        browser.SignIn(user, password);
        browser.Open($"/images/{image.Id}");
        browser.ClickAndConfirm("form[action*='handler=Revoke'] button");
        browser.Find("[role=status]");
        using var revoked = await anonymous.GetAsync(url);

        Assert.Equal(image.Sha256, RestScene.Sha256(bytes));
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
    }

    [Fact]
    public async Task PrivateCollection_IsInvisibleToAnotherSignedInUser()
    {
        var collection = await scene.CollectionAsync(isPrivate: true);
        var image = await scene.PushAsync(collection);
        var (user, password) = await PasswordUserAsync();
        using var browser = new Browser(server.Url);

        browser.SignIn(user, password);
        browser.Open("/?page=1");
        var listing = browser.PageSource;
        using var asOther = await users.SessionAsync(user);

        Assert.DoesNotContain(collection, listing, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await asOther.GetAsync($"/c/alice/{collection}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await asOther.GetAsync($"/c/alice/{collection}/tool")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await asOther.GetAsync($"/images/{image.Id}")).StatusCode);
    }

    // A new user who signs in with a password.
    [Fact]
    public async Task TeamNamespace_AndAPrivateCollectionInIt_AreCreatedInTheBrowser()
    {
        var (user, scene) = await users.CreateWithTokenAsync();
        var team = LibraryServerFixture.UniqueName("lab");
        (await scene.Alice.PostAsync("/api/v1/teams", new { name = team })).Json(HttpStatusCode.Created);
        using var browser = new Browser(server.Url);

        browser.SignIn(user, WebUsers.Password);
        browser.Open($"/teams/{team}");
        browser.Click("#create-entity");
        browser.Find("[role=status]");
        browser.Open($"/?entity={team}");
        browser.Fill("#name", "pipelines");
        browser.Click("#create-collection");
        browser.Find("h1");

        Assert.Equal($"/c/{team}/pipelines", browser.Path);
        Assert.True((await scene.Alice.GetAsync($"/api/v1/collections/{team}/pipelines")).Json().GetProperty("private").GetBoolean());
        (await scene.Bob.GetAsync($"/api/v1/collections/{team}/pipelines")).Problem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(team, (await scene.Alice.GetAsync($"/api/v1/entities/{team}")).Json().GetProperty("name").GetString());
    }

    private async Task<(string User, string Password)> PasswordUserAsync() => (await users.CreateAsync(), WebUsers.Password);
}
