using System.Net;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Api;

/// <summary>A registry without <c>Builds:Provider</c>: builds are disabled, and connecting a repository says so.</summary>
[Collection(RestApiCollection.Name)]
public sealed class BuildsDisabledApiTests(LibraryServerFixture server)
{
    [Fact]
    public async Task ConnectingARepository_WithoutABuildBackend_Is409NamingTheSetting()
    {
        var scene = new RestScene(server);
        var collection = await scene.CollectionAsync(isPrivate: false);

        var refused = await scene.Alice.PostAsync($"/api/v1/collections/alice/{collection}/connections", new { provider = "github", repository = "octo/recipes" });

        refused.Problem(HttpStatusCode.Conflict, "conflict", "Builds:Provider");
        Assert.Equal(0, (await scene.Alice.GetAsync($"/api/v1/collections/alice/{collection}/builds")).Json().GetProperty("total").GetInt32());
        Assert.Empty((await scene.Alice.GetAsync($"/api/v1/collections/alice/{collection}/connections")).Json().EnumerateArray());
    }

    [Fact]
    public async Task UnknownBuild_Is404()
    {
        var scene = new RestScene(server);

        (await scene.Alice.GetAsync($"/api/v1/builds/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not_found");
        (await scene.Alice.PostAsync($"/api/v1/builds/{Guid.NewGuid()}/cancel", new { })).Problem(HttpStatusCode.NotFound, "not_found");
    }
}
