using System.Net;

namespace SRegistry.Server.Tests.Oci;

/// <summary>Visibility and rights through the OCI door: private repositories, other people's namespaces, the catalog.</summary>
public sealed class OciAccessTests(OciServerFixture oci) : IClassFixture<OciServerFixture>
{
    [Fact]
    public async Task PrivateRepository_IsNameUnknownToAnotherUser_AndChallengedForAnonymous()
    {
        var name = $"alice/{OciServerFixture.UniqueName("private")}/app";
        await OciPrivacy.CreatePrivateCollectionAsync(oci, name);
        var (digest, _) = await oci.Alice.PushImageAsync(name, "v1", OciClient.RandomBytes(100));

        (await oci.Alice.GetAsync($"/v2/{name}/manifests/v1")).Is(HttpStatusCode.OK);
        (await oci.Bob.GetAsync($"/v2/{name}/manifests/v1")).IsError(HttpStatusCode.NotFound, "NAME_UNKNOWN");
        (await oci.Bob.GetAsync($"/v2/{name}/manifests/{digest}")).IsError(HttpStatusCode.NotFound, "NAME_UNKNOWN");
        (await oci.Bob.GetAsync($"/v2/{name}/tags/list")).IsError(HttpStatusCode.NotFound, "NAME_UNKNOWN");
        (await oci.Bob.SendAsync(HttpMethod.Post, $"/v2/{name}/blobs/uploads/")).IsError(HttpStatusCode.NotFound, "NAME_UNKNOWN");
        (await oci.Anonymous.GetAsync($"/v2/{name}/manifests/v1")).IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task MissingRepository_LooksLikeAPrivateOne()
    {
        var name = $"alice/{OciServerFixture.UniqueName("missing")}/app";

        (await oci.Bob.GetAsync($"/v2/{name}/manifests/v1")).IsError(HttpStatusCode.NotFound, "NAME_UNKNOWN");
        (await oci.Anonymous.GetAsync($"/v2/{name}/manifests/v1")).IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task PublicRepository_IsReadableByAll_ButOnlyItsOwnerPushesAndDeletes()
    {
        var name = $"alice/{OciServerFixture.UniqueName("public")}/app";
        var (digest, _) = await oci.Alice.PushImageAsync(name, "v1");

        (await oci.Anonymous.GetAsync($"/v2/{name}/manifests/v1")).Is(HttpStatusCode.OK);
        (await oci.Bob.GetAsync($"/v2/{name}/manifests/v1")).Is(HttpStatusCode.OK);
        (await oci.Bob.SendAsync(HttpMethod.Post, $"/v2/{name}/blobs/uploads/")).IsError(HttpStatusCode.Forbidden, "DENIED");
        (await oci.Bob.SendAsync(HttpMethod.Delete, $"/v2/{name}/manifests/{digest}")).IsError(HttpStatusCode.Forbidden, "DENIED");
        (await oci.Anonymous.SendAsync(HttpMethod.Delete, $"/v2/{name}/manifests/{digest}")).IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task PushOfANewRepositoryIntoAnotherUsersNamespace_IsNameUnknownLikeAPrivateOne()
    {
        var name = $"alice/{OciServerFixture.UniqueName("intrude")}/app";

        var push = await oci.Bob.PostBlobAsync(name, [1, 2]);

        push.IsError(HttpStatusCode.NotFound, "NAME_UNKNOWN");
    }

    [Fact]
    public async Task ShortNames_UseTheDefaultEntityLikeEveryDoor()
    {
        var collection = OciServerFixture.UniqueName("short");
        var (digest, _) = await oci.Alice.PushImageAsync($"{collection}/app", "v1");

        var full = await oci.Alice.GetAsync($"/v2/default/{collection}/app/manifests/v1");

        Assert.Equal(digest, full.Is(HttpStatusCode.OK).Header("Docker-Content-Digest"));
    }

    [Fact]
    public async Task InvalidName_IsNameInvalid()
    {
        (await oci.Alice.GetAsync("/v2/Alice/UPPER/app/manifests/v1")).IsError(HttpStatusCode.BadRequest, "NAME_INVALID");
        (await oci.Alice.GetAsync("/v2/a/b/c/d/manifests/v1")).IsError(HttpStatusCode.BadRequest, "NAME_INVALID");
    }

    [Fact]
    public async Task Catalog_ListsOnlyWhatTheCallerMaySee_InPages()
    {
        var prefix = OciServerFixture.UniqueName("cat");
        var hidden = $"alice/{prefix}hidden/app";
        await OciPrivacy.CreatePrivateCollectionAsync(oci, hidden);
        await oci.Alice.PushImageAsync(hidden, "v1");
        foreach (var suffix in new[] { "a", "b", "c" })
            await oci.Alice.PushImageAsync($"alice/{prefix}{suffix}/app", "v1");

        var alice = await AllPagesAsync(oci.Alice);
        var bob = await AllPagesAsync(oci.Bob);
        var anonymous = await AllPagesAsync(oci.Anonymous);

        Assert.Contains(hidden, alice);
        Assert.DoesNotContain(hidden, bob);
        Assert.DoesNotContain(hidden, anonymous);
        Assert.Contains($"alice/{prefix}b/app", anonymous);
        Assert.Equal(alice.Order(StringComparer.Ordinal), alice);
    }

    // Follows Link headers with a small page, so paging itself is exercised.
    private static async Task<List<string>> AllPagesAsync(OciClient client)
    {
        var names = new List<string>();
        var path = "/v2/_catalog?n=2";
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = (await client.GetAsync(path)).Is(HttpStatusCode.OK);
            var repositories = page.Json().GetProperty("repositories").EnumerateArray().Select(r => r.GetString()!).ToList();
            Assert.True(repositories.Count <= 2);
            names.AddRange(repositories);
            if (page.Header("Link") is null) return names;
            path = OciManifestTests.LinkTarget(page);
        }

        throw new InvalidOperationException("The catalog's Link headers never ended.");
    }
}
