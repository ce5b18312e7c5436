using System.Net;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Api;

[Collection(RestApiCollection.Name)]
public sealed class ImageApiTests(LibraryServerFixture server)
{
    private readonly RestScene scene = new(server);

    [Fact]
    public async Task PushedImage_IsListedWithItsSha256SizeArchAndTags()
    {
        var collection = await scene.CollectionAsync(isPrivate: true);
        var image = await scene.PushAsync(collection);

        var listed = (await scene.Alice.GetAsync($"/api/v1/containers/{image.Container}/images")).Json();
        var one = (await scene.Alice.GetAsync($"/api/v1/images/{image.Id}")).Json();

        var item = Assert.Single(listed.GetProperty("items").EnumerateArray());
        foreach (var view in new[] { item, one })
        {
            Assert.Equal("sha256:" + image.Sha256, view.GetProperty("digest").GetString());
            Assert.Equal(new FileInfo(image.File).Length, view.GetProperty("size").GetInt64());
            Assert.Equal("amd64", view.GetProperty("arch").GetString());
            Assert.True(view.GetProperty("uploaded").GetBoolean());
            Assert.Equal(["v1"], view.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        }

        (await scene.Bob.GetAsync($"/api/v1/images/{image.Id}")).Problem(HttpStatusCode.NotFound, "not_found");
        (await scene.Bob.GetAsync($"/api/v1/images/{image.Id}/definition-file")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Tags_AreSetMovedAndRemoved_AndRemovingATagKeepsTheImage()
    {
        var collection = await scene.CollectionAsync(isPrivate: false);
        var first = await scene.PushAsync(collection, tag: null);
        var second = await scene.PushAsync(collection, tag: null);
        var tags = $"/api/v1/containers/{first.Container}/tags";

        (await scene.Alice.PutAsync($"{tags}/stable", new { imageId = first.Id })).Json();
        var moved = (await scene.Alice.PutAsync($"{tags}/stable", new { imageId = second.Id })).Json();
        var listed = (await scene.Alice.GetAsync(tags)).Json();
        (await scene.Bob.PutAsync($"{tags}/stable", new { imageId = first.Id })).Problem(HttpStatusCode.Forbidden, "forbidden");
        (await scene.Alice.DeleteAsync($"{tags}/stable")).NoContent();

        Assert.Equal(second.Id, moved.GetProperty("imageId").GetInt64());
        Assert.Equal([second.Id], listed.EnumerateArray().Where(t => t.GetProperty("name").GetString() == "stable").Select(t => t.GetProperty("imageId").GetInt64()));
        Assert.Empty((await scene.Alice.GetAsync(tags)).Json().EnumerateArray());
        Assert.Equal(second.Id, (await scene.Alice.GetAsync($"/api/v1/images/{second.Id}")).Json().GetProperty("id").GetInt64());
        (await scene.Alice.DeleteAsync($"{tags}/stable")).Problem(HttpStatusCode.NotFound, "not_found", "stable");
    }

    [Fact]
    public async Task Labels_AreSetAndRemoved_AndShownOnTheImage()
    {
        var collection = await scene.CollectionAsync(isPrivate: false);
        var image = await scene.PushAsync(collection);

        (await scene.Alice.PutAsync($"/api/v1/images/{image.Id}/labels/org.doi", new { value = "10.5281/zenodo.1" })).Json();
        var labelled = (await scene.Alice.GetAsync($"/api/v1/images/{image.Id}")).Json();
        (await scene.Bob.PutAsync($"/api/v1/images/{image.Id}/labels/org.doi", new { value = "spoofed" })).Problem(HttpStatusCode.Forbidden, "forbidden");
        (await scene.Alice.DeleteAsync($"/api/v1/images/{image.Id}/labels/org.doi")).NoContent();

        Assert.Equal("10.5281/zenodo.1", labelled.GetProperty("labels").GetProperty("org.doi").GetString());
        Assert.False((await scene.Alice.GetAsync($"/api/v1/images/{image.Id}")).Json().GetProperty("labels").TryGetProperty("org.doi", out _));
    }

    [Fact]
    public async Task Delete_ByNonOwner_IsRefusedAndTheBytesStay_ByOwner_RemovesTheImage()
    {
        var collection = await scene.CollectionAsync(isPrivate: false);
        var image = await scene.PushAsync(collection);

        (await scene.Bob.DeleteAsync($"/api/v1/images/{image.Id}")).Problem(HttpStatusCode.Forbidden, "forbidden", "owners");
        var bytes = await server.Server.Client.GetByteArrayAsync($"/v1/imagefile/{image.Container}:v1");
        (await scene.Alice.DeleteAsync($"/api/v1/images/{image.Id}")).NoContent();

        Assert.Equal(image.Sha256, RestScene.Sha256(bytes));
        (await scene.Alice.GetAsync($"/api/v1/images/{image.Id}")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task FrozenContainer_RefusesDeletesAndTagChanges_UntilUnfrozen()
    {
        var collection = await scene.CollectionAsync(isPrivate: false);
        var image = await scene.PushAsync(collection);
        var container = $"/api/v1/containers/{image.Container}";

        var frozen = (await scene.Alice.PatchAsync(container, new { frozen = true, description = "release" })).Json();
        var delete = await scene.Alice.DeleteAsync($"/api/v1/images/{image.Id}");
        var retag = await scene.Alice.PutAsync($"{container}/tags/latest", new { imageId = image.Id });
        var deleteContainer = await scene.Alice.DeleteAsync(container);
        (await scene.Alice.PatchAsync(container, new { frozen = false })).Json();

        Assert.True(frozen.GetProperty("frozen").GetBoolean());
        Assert.Equal("release", frozen.GetProperty("description").GetString());
        delete.Problem(HttpStatusCode.Conflict, "frozen");
        retag.Problem(HttpStatusCode.Conflict, "frozen");
        deleteContainer.Problem(HttpStatusCode.Conflict, "frozen");
        (await scene.Alice.DeleteAsync(container)).NoContent();
        (await scene.Alice.GetAsync(container)).Problem(HttpStatusCode.NotFound, "not_found");
    }
}
