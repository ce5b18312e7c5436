using System.Net;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Api;

[Collection(RestApiCollection.Name)]
public sealed class CollectionApiTests(LibraryServerFixture server)
{
    private readonly RestScene scene = new(server);

    [Fact]
    public async Task PrivateCollection_IsListedForItsOwner_AndInvisibleToOthersAndAnonymous()
    {
        var name = await scene.CollectionAsync(isPrivate: true);

        var mine = (await scene.Alice.GetAsync("/api/v1/collections?entity=alice&perPage=500")).Json();
        var bobs = (await scene.Bob.GetAsync("/api/v1/collections?entity=alice&perPage=500")).Json();

        Assert.Contains(mine.GetProperty("items").EnumerateArray(), c => c.GetProperty("name").GetString() == name && c.GetProperty("private").GetBoolean());
        Assert.DoesNotContain(bobs.GetProperty("items").EnumerateArray(), c => c.GetProperty("name").GetString() == name);
        foreach (var outsider in new[] { scene.Bob, scene.Anonymous })
        {
            (await outsider.GetAsync($"/api/v1/collections/alice/{name}")).Problem(HttpStatusCode.NotFound, "not_found", name);
            (await outsider.GetAsync($"/api/v1/collections/alice/{name}/containers")).Problem(HttpStatusCode.NotFound, "not_found");
            (await outsider.GetAsync($"/api/v1/collections/alice/{name}/members")).Problem(HttpStatusCode.NotFound, "not_found");
        }
    }

    [Fact]
    public async Task Contributor_MayAddContainersButNotChangeSettings_AndLosesSightWhenRemoved()
    {
        var name = await scene.CollectionAsync(isPrivate: true);
        var path = $"/api/v1/collections/alice/{name}";

        var member = (await scene.Alice.PutAsync($"{path}/members/users/bob", new { role = "contributor" })).Json();
        var container = (await scene.Bob.PostAsync($"{path}/containers", new { name = "bwa", description = "aligner" })).Json(HttpStatusCode.Created);
        var publish = await scene.Bob.PatchAsync(path, new { @private = false });
        var delete = await scene.Bob.DeleteAsync(path);

        Assert.Equal("contributor", member.GetProperty("role").GetString());
        Assert.Equal($"alice/{name}/bwa", container.GetProperty("path").GetString());
        publish.Problem(HttpStatusCode.Forbidden, "forbidden", "owners");
        delete.Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.True((await scene.Alice.GetAsync(path)).Json().GetProperty("private").GetBoolean());

        (await scene.Alice.DeleteAsync($"{path}/members/users/bob")).NoContent();
        (await scene.Bob.GetAsync(path)).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Patch_ByOwner_ChangesDescriptionAndPrivacy()
    {
        var name = await scene.CollectionAsync(isPrivate: true);

        var changed = (await scene.Alice.PatchAsync($"/api/v1/collections/alice/{name}", new { description = "shared tools", @private = false })).Json();

        Assert.Equal("shared tools", changed.GetProperty("description").GetString());
        Assert.False(changed.GetProperty("private").GetBoolean());
        Assert.Equal(name, (await scene.Anonymous.GetAsync($"/api/v1/collections/alice/{name}")).Json().GetProperty("name").GetString());
    }

    [Fact]
    public async Task Lists_ArePagedWithANextLinkUntilTheLastPage()
    {
        var team = LibraryServerFixture.UniqueName("t");
        (await scene.Alice.PostAsync("/api/v1/teams", new { name = team })).Json(HttpStatusCode.Created);
        (await scene.Alice.PostAsync("/api/v1/entities", new { name = team })).Json(HttpStatusCode.Created);
        foreach (var name in new[] { "one", "three", "two" })
            (await scene.Alice.PostAsync("/api/v1/collections", new { entity = team, name })).Json(HttpStatusCode.Created);

        var first = await scene.Alice.GetAsync($"/api/v1/collections?entity={team}&perPage=2");
        var firstPage = first.Json();
        Assert.NotNull(first.Link);
        var next = first.Link![1..first.Link.IndexOf('>', StringComparison.Ordinal)];
        var second = await scene.Alice.GetAsync(next);

        Assert.Equal(3, firstPage.GetProperty("total").GetInt32());
        Assert.Equal(["one", "three"], firstPage.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(["two"], second.Json().GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Null(second.Link);
    }

    [Fact]
    public async Task Delete_ByOwner_RemovesContainersAndImages_ByAnonymousIsUnauthenticated()
    {
        var name = await scene.CollectionAsync(isPrivate: false);
        var image = await scene.PushAsync(name);

        (await scene.Anonymous.DeleteAsync($"/api/v1/collections/alice/{name}")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(image.Id, (await scene.Alice.GetAsync($"/api/v1/images/{image.Id}")).Json().GetProperty("id").GetInt64());
        (await scene.Alice.DeleteAsync($"/api/v1/collections/alice/{name}")).NoContent();

        (await scene.Alice.GetAsync($"/api/v1/collections/alice/{name}")).Problem(HttpStatusCode.NotFound, "not_found");
        (await scene.Alice.GetAsync($"/api/v1/images/{image.Id}")).Problem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.NotFound, (await scene.AliceLibrary.GetAsync($"/v1/images/{image.Container}:v1")).Status);
    }
}
