using System.Net;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Api;

/// <summary>Every malformed request is a 4xx problem whose detail says what to fix, and changes nothing.</summary>
[Collection(RestApiCollection.Name)]
public sealed class RestApiBadInputTests(LibraryServerFixture server)
{
    private readonly RestScene scene = new(server);

    [Fact]
    public async Task MalformedBodies_AreProblemsNamingTheFault_AndCreateNothing()
    {
        var name = LibraryServerFixture.UniqueName("c");

        (await scene.Alice.SendAsync(HttpMethod.Post, "/api/v1/collections", $"{{\"entity\":\"alice\",\"name\":\"{name}\"")).Problem(HttpStatusCode.BadRequest, "invalid_request", "JSON");
        (await scene.Alice.SendAsync(HttpMethod.Post, "/api/v1/collections", new { entity = "alice", name, @private = "yes" })).Problem(HttpStatusCode.BadRequest, "invalid_request", "$.private");
        (await scene.Alice.SendAsync(HttpMethod.Post, "/api/v1/collections", new { entity = "alice", name }, contentType: null)).Problem(HttpStatusCode.UnsupportedMediaType, "invalid_request", "Content-Type: application/json");
        (await scene.Alice.PostAsync("/api/v1/collections", new { entity = "alice", name = "Bad Name" })).Problem(HttpStatusCode.BadRequest, "invalid_request", "collection name");
        (await scene.Alice.PostAsync("/api/v1/collections", new { entity = "alice" })).Problem(HttpStatusCode.BadRequest, "invalid_request", "collection name");

        (await scene.Alice.GetAsync($"/api/v1/collections/alice/{name}")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("/api/v1/collections?perPage=0", "page size")]
    [InlineData("/api/v1/collections?perPage=501", "page size")]
    [InlineData("/api/v1/collections?page=0", "page number")]
    [InlineData("/api/v1/collections?page=abc", "abc")]
    [InlineData("/api/v1/search?q=ab", "too short")]
    [InlineData("/api/v1/collections/alice/UPPER", "collection name")]
    [InlineData("/api/v1/entities/a..b", "entity name")]
    public async Task MalformedQueriesAndNames_AreBadRequests(string path, string mention) =>
        (await scene.Alice.GetAsync(path)).Problem(HttpStatusCode.BadRequest, "invalid_request", mention);

    [Fact]
    public async Task PageNumbersFarPastTheEnd_AreEmptyPages_NotErrors()
    {
        await scene.CollectionAsync(isPrivate: false);
        var page = (await scene.Alice.GetAsync($"/api/v1/collections?page={int.MaxValue}&perPage=500")).Json();
        using var web = await server.Server.Client.GetAsync($"/?page={int.MaxValue}");

        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.True(page.GetProperty("total").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.OK, web.StatusCode);
    }

    [Fact]
    public async Task UnknownKindsAndRoles_AreBadRequests_AndGrantNothing()
    {
        var collection = await scene.CollectionAsync(isPrivate: true);
        var members = $"/api/v1/collections/alice/{collection}/members";

        (await scene.Alice.PutAsync($"{members}/robots/bob", new { role = "owner" })).Problem(HttpStatusCode.BadRequest, "invalid_request", "users");
        (await scene.Alice.PutAsync($"{members}/users/bob", new { role = "1" })).Problem(HttpStatusCode.BadRequest, "invalid_request", "owner");
        (await scene.Alice.PutAsync($"{members}/users/bob", new { role = "admin" })).Problem(HttpStatusCode.BadRequest, "invalid_request", "contributor");
        (await scene.Alice.PutAsync($"{members}/users/nobody-here", new { role = "owner" })).Problem(HttpStatusCode.NotFound, "not_found", "nobody-here");

        Assert.Empty((await scene.Alice.GetAsync(members)).Json().EnumerateArray());
        (await scene.Bob.GetAsync($"/api/v1/collections/alice/{collection}")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task BadTokens_AreUnauthorized_NotAnonymous()
    {
        foreach (var token in new[] { "sreg_not-a-real-token", "garbage", "sreg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
            (await scene.Alice.As(token).GetAsync("/api/v1/collections")).Problem(HttpStatusCode.Unauthorized, "invalid_token", "not valid");
    }

    [Fact]
    public async Task UnknownIds_AreNotFound()
    {
        (await scene.Alice.GetAsync("/api/v1/images/999999999")).Problem(HttpStatusCode.NotFound, "not_found", "999999999");
        (await scene.Alice.DeleteAsync("/api/v1/share-links/999999999")).Problem(HttpStatusCode.NotFound, "not_found");
        (await scene.Alice.DeleteAsync("/api/v1/tokens/999999999")).Problem(HttpStatusCode.NotFound, "not_found");
        (await scene.Alice.GetAsync("/api/v1/teams/no-such-team")).Problem(HttpStatusCode.NotFound, "not_found");
    }
}
