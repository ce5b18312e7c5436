using System.Net;
using System.Text.Json;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Web;

/// <summary>Uploading from the browser: a real SIF through Chromium's file input, and the refusals.</summary>
[Collection(RestApiCollection.Name)]
public sealed class BrowserUploadTests(LibraryServerFixture server)
{
    private readonly WebUsers users = new(server);

    [Fact]
    public async Task Upload_ASif_OpensTheImagePage_WithTheFilesSha256()
    {
        var user = await users.CreateAsync();
        // Past the server's default 30 MB body limit, which an image upload must not be held to.
        var file = await SifFiles.CreateAsync(server.Files, paddingBytes: 31 * 1024 * 1024);
        var collection = LibraryServerFixture.UniqueName("up");
        using var browser = new Browser(server.Url);

        browser.SignIn(user, WebUsers.Password);
        browser.ClickLink("Upload");
        browser.Fill("#collection", collection);
        browser.Fill("#container", "tool");
        browser.Fill("#tag", "v2");
        browser.Find("#file").SendKeys(file);
        browser.Screenshot("upload");
        browser.Press("#upload");
        browser.Find("#digest");
        var digest = browser.Text("#digest");
        var tags = browser.Text("dl.facts");
        browser.Screenshot("uploaded-image");

        Assert.StartsWith("/images/", browser.Path, StringComparison.Ordinal);
        Assert.Equal("sha256:" + RestScene.Sha256(await File.ReadAllBytesAsync(file)), digest);
        Assert.Contains("v2", tags, StringComparison.Ordinal);
        Assert.Contains($"{user}/{collection}/tool", browser.PageSource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ANonSifFile_IsRefusedWithAMessage_AndStoresNothing()
    {
        var user = await users.CreateAsync();
        var file = Path.Combine(server.Files, LibraryServerFixture.UniqueName("notes") + ".txt");
        Directory.CreateDirectory(server.Files);
        await File.WriteAllTextAsync(file, "These are notes, not a container image.\n");
        var collection = LibraryServerFixture.UniqueName("up");
        using var browser = new Browser(server.Url);

        browser.SignIn(user, WebUsers.Password);
        browser.Open("/upload");
        browser.Fill("#collection", collection);
        browser.Fill("#container", "tool");
        browser.Find("#file").SendKeys(file);
        browser.Press("#upload");
        var message = browser.Find("#upload-error:not(.hidden)").Text;
        browser.Screenshot("upload-refused");
        using var session = await users.SessionAsync(user);
        using var page = await session.GetAsync($"/c/{user}/{collection}");
        var usage = await session.GetStringAsync("/usage");

        Assert.Equal("/upload", browser.Path);
        Assert.Contains("not a SIF image", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(collection, usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadEndpoint_RefusesGet_AMissingAntiforgeryToken_AndSomeoneElsesEntity()
    {
        var user = await users.CreateAsync();
        var file = await SifFiles.CreateAsync(server.Files);
        var collection = LibraryServerFixture.UniqueName("up");
        using var session = await users.SessionAsync(user);
        var token = await WebForms.AntiforgeryTokenAsync(session, "/upload");
        var url = $"/upload/image?entity={user}&collection={collection}&container=tool&tag=v1";

        using var get = await session.GetAsync(url);
        using var unsigned = await session.PostAsync(url, new ByteArrayContent(await File.ReadAllBytesAsync(file)));
        using var elsewhere = await PostAsync(session, url.Replace($"entity={user}", "entity=alice", StringComparison.Ordinal), file, token);
        using var badName = await PostAsync(session, url.Replace("container=tool", "container=Not%20Valid", StringComparison.Ordinal), file, token);
        using var collectionPage = await session.GetAsync($"/c/{user}/{collection}");
        using var alicePage = await session.GetAsync($"/c/alice/{collection}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Contains("alice", await ErrorAsync(elsewhere), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.Contains("container name", await ErrorAsync(badName), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, collectionPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, alicePage.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient session, string url, string file, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(await File.ReadAllBytesAsync(file)) };
        request.Headers.Add(Server.Web.BrowserUploadEndpoint.AntiforgeryHeader, token);
        return await session.SendAsync(request);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;
}
