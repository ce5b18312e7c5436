using System.Net;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Api;

[Collection(RestApiCollection.Name)]
public sealed class ShareLinkApiTests(LibraryServerFixture server)
{
    private readonly RestScene scene = new(server);

    [Fact]
    public async Task ShareLink_DownloadsAPrivateImageWithoutSigningIn_UntilRevoked()
    {
        var collection = await scene.CollectionAsync(isPrivate: true);
        var image = await scene.PushAsync(collection);

        var created = (await scene.Alice.PostAsync($"/api/v1/images/{image.Id}/share-links", new { lifetimeSeconds = 3600 })).Json(HttpStatusCode.Created);
        var url = created.GetProperty("url").GetString()!;
        using var anonymous = new HttpClient();
        using var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        var bytes = await anonymous.GetByteArrayAsync(url);
        var links = (await scene.Alice.GetAsync($"/api/v1/images/{image.Id}/share-links")).Json();
        (await scene.Alice.DeleteAsync($"/api/v1/share-links/{created.GetProperty("link").GetProperty("id").GetInt64()}")).NoContent();
        using var afterRevoke = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(new FileInfo(image.File).Length, head.Content.Headers.ContentLength);
        Assert.Equal(image.Sha256, RestScene.Sha256(bytes));
        Assert.Equal(1, Assert.Single(links.EnumerateArray()).GetProperty("useCount").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, afterRevoke.StatusCode);
        Assert.DoesNotContain(url[(url.LastIndexOf('/') + 1)..], links.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareLink_ByNonOwner_IsRefused_AndLifetimeIsChecked()
    {
        var hidden = await scene.PushAsync(await scene.CollectionAsync(isPrivate: true));
        var open = await scene.PushAsync(await scene.CollectionAsync(isPrivate: false));

        (await scene.Bob.PostAsync($"/api/v1/images/{hidden.Id}/share-links", new { lifetimeSeconds = 3600 })).Problem(HttpStatusCode.NotFound, "not_found");
        (await scene.Bob.PostAsync($"/api/v1/images/{open.Id}/share-links", new { lifetimeSeconds = 3600 })).Problem(HttpStatusCode.Forbidden, "forbidden");
        (await scene.Anonymous.GetAsync($"/api/v1/images/{open.Id}/share-links")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        (await scene.Alice.PostAsync($"/api/v1/images/{open.Id}/share-links", new { lifetimeSeconds = 10 })).Problem(HttpStatusCode.BadRequest, "invalid_request", "lifetime");
        Assert.Empty((await scene.Alice.GetAsync($"/api/v1/images/{open.Id}/share-links")).Json().EnumerateArray());
    }

    [Fact]
    public async Task ShareDownload_WithAnUnknownSecret_IsNotFound()
    {
        using var anonymous = new HttpClient { BaseAddress = server.Url };
        using var junk = await anonymous.GetAsync("/share/shr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        using var shape = await anonymous.GetAsync("/share/nonsense");

        Assert.Equal(HttpStatusCode.NotFound, junk.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, shape.StatusCode);
    }
}
