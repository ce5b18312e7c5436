using System.Net;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Api;

[Collection(RestApiCollection.Name)]
public sealed class TokenApiTests(LibraryServerFixture server)
{
    private readonly RestScene scene = new(server);

    [Fact]
    public async Task CreatedToken_IsShownOnce_Works_AndStopsWorkingWhenRevoked()
    {
        var name = LibraryServerFixture.UniqueName("laptop");

        var created = (await scene.Alice.PostAsync("/api/v1/tokens", new { name, scopes = new[] { "pull" } })).Json(HttpStatusCode.Created);
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("token").GetProperty("id").GetInt64();
        var me = (await scene.Alice.As(secret).GetAsync("/api/v1/me")).Json();
        var listed = await scene.Alice.GetAsync("/api/v1/tokens");
        (await scene.Bob.DeleteAsync($"/api/v1/tokens/{id}")).Problem(HttpStatusCode.NotFound, "not_found");
        (await scene.Alice.DeleteAsync($"/api/v1/tokens/{id}")).NoContent();

        Assert.Equal("alice", me.GetProperty("userName").GetString());
        Assert.Equal(["pull"], me.GetProperty("tokenScopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(listed.Json().EnumerateArray(), t => t.GetProperty("name").GetString() == name);
        Assert.DoesNotContain(secret, listed.Body, StringComparison.Ordinal);
        (await scene.Alice.As(secret).GetAsync("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task PullOnlyToken_CannotMintABroaderToken_NorCreateCollections()
    {
        var pullOnly = (await scene.Alice.PostAsync("/api/v1/tokens", new { name = LibraryServerFixture.UniqueName("ro"), scopes = new[] { "pull" } }))
            .Json(HttpStatusCode.Created).GetProperty("secret").GetString()!;
        var limited = scene.Alice.As(pullOnly);

        (await limited.PostAsync("/api/v1/tokens", new { name = LibraryServerFixture.UniqueName("all") })).Problem(HttpStatusCode.Forbidden, "forbidden", "pull");
        (await limited.PostAsync("/api/v1/tokens", new { name = LibraryServerFixture.UniqueName("rw"), scopes = new[] { "push" } })).Problem(HttpStatusCode.Forbidden, "forbidden");
        (await limited.PostAsync("/api/v1/tokens", new { name = LibraryServerFixture.UniqueName("ro2"), scopes = new[] { "pull" } })).Json(HttpStatusCode.Created);
        (await limited.PostAsync("/api/v1/collections", new { entity = "alice", name = LibraryServerFixture.UniqueName("c") })).Problem(HttpStatusCode.Forbidden, "forbidden", "push");
    }

    [Fact]
    public async Task Tokens_WithoutSigningIn_AreUnauthenticated()
    {
        (await scene.Anonymous.GetAsync("/api/v1/tokens")).Problem(HttpStatusCode.Unauthorized, "unauthenticated", "Bearer");
        (await scene.Anonymous.PostAsync("/api/v1/tokens", new { name = "x" })).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
        (await scene.Anonymous.GetAsync("/api/v1/me")).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
    }
}
