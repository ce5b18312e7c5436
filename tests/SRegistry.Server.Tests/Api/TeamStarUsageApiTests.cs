using System.Net;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Api;

[Collection(RestApiCollection.Name)]
public sealed class TeamStarUsageApiTests(LibraryServerFixture server)
{
    private readonly RestScene scene = new(server);

    [Fact]
    public async Task TeamMember_GainsAccessGrantedToTheTeam_AndOnlyOwnersManageMembers()
    {
        var team = LibraryServerFixture.UniqueName("lab");
        var collection = await scene.CollectionAsync(isPrivate: true);
        (await scene.Alice.PostAsync("/api/v1/teams", new { name = team, description = "the lab" })).Json(HttpStatusCode.Created);
        (await scene.Alice.PutAsync($"/api/v1/teams/{team}/members/bob", new { role = "member" })).Json();
        (await scene.Alice.PutAsync($"/api/v1/collections/alice/{collection}/members/teams/{team}", new { role = "contributor" })).Json();

        var seen = (await scene.Bob.GetAsync($"/api/v1/teams/{team}")).Json();
        var pushed = await scene.Bob.PostAsync($"/api/v1/collections/alice/{collection}/containers", new { name = "bwa" });
        (await scene.Bob.PutAsync($"/api/v1/teams/{team}/members/bob", new { role = "owner" })).Problem(HttpStatusCode.Forbidden, "forbidden");
        (await scene.Bob.DeleteAsync($"/api/v1/teams/{team}/members/bob")).NoContent();

        Assert.Equal(["alice:owner", "bob:member"], seen.GetProperty("members").EnumerateArray().Select(m => $"{m.GetProperty("userName").GetString()}:{m.GetProperty("role").GetString()}"));
        pushed.Json(HttpStatusCode.Created);
        (await scene.Bob.GetAsync($"/api/v1/collections/alice/{collection}")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Team_OwningAnEntity_CannotBeDeleted()
    {
        var team = LibraryServerFixture.UniqueName("lab");
        (await scene.Alice.PostAsync("/api/v1/teams", new { name = team })).Json(HttpStatusCode.Created);
        (await scene.Alice.PostAsync("/api/v1/entities", new { name = team })).Json(HttpStatusCode.Created);

        (await scene.Alice.DeleteAsync($"/api/v1/teams/{team}")).Problem(HttpStatusCode.Conflict, "conflict", team);
        Assert.Equal(team, (await scene.Alice.GetAsync($"/api/v1/teams/{team}")).Json().GetProperty("name").GetString());
    }

    [Fact]
    public async Task Stars_AreListedForTheUser_AndPrivateContainersCannotBeStarredByOutsiders()
    {
        var image = await scene.PushAsync(await scene.CollectionAsync(isPrivate: true));
        var star = $"/api/v1/containers/{image.Container}/star";

        (await scene.Alice.PutAsync(star, new { })).NoContent();
        var starred = (await scene.Alice.GetAsync("/api/v1/stars?perPage=500")).Json();
        (await scene.Bob.PutAsync(star, new { })).Problem(HttpStatusCode.NotFound, "not_found");
        (await scene.Alice.DeleteAsync(star)).NoContent();

        Assert.Contains(starred.GetProperty("items").EnumerateArray(), c => c.GetProperty("path").GetString() == image.Container);
        Assert.DoesNotContain((await scene.Alice.GetAsync("/api/v1/stars?perPage=500")).Json().GetProperty("items").EnumerateArray(),
            c => c.GetProperty("path").GetString() == image.Container);
    }

    [Fact]
    public async Task Usage_CountsTheOwnersPrivateBytes_AndHidesThemFromOthers()
    {
        var collection = await scene.CollectionAsync(isPrivate: true);
        var image = await scene.PushAsync(collection);

        var mine = (await scene.Alice.GetAsync("/api/v1/usage")).Json();
        var bobs = (await scene.Bob.GetAsync("/api/v1/usage")).Json();

        var row = Assert.Single(mine.GetProperty("collections").EnumerateArray(), c => c.GetProperty("collection").GetString() == collection);
        Assert.Equal(new FileInfo(image.File).Length, row.GetProperty("bytes").GetInt64());
        Assert.Contains(mine.GetProperty("owners").EnumerateArray(), o => o.GetProperty("kind").GetString() == "user" && o.GetProperty("name").GetString() == "alice");
        Assert.DoesNotContain(bobs.GetProperty("collections").EnumerateArray(), c => c.GetProperty("collection").GetString() == collection);
    }
}
