using System.Net;
using System.Text;
using System.Text.Json;

namespace SRegistry.Server.Tests.Oci;

/// <summary>Manifests and indexes: push checks, exact bytes and headers on pull, delete, tags, referrers.</summary>
public sealed class OciManifestTests(OciServerFixture oci) : IClassFixture<OciServerFixture>
{
    private const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    private static string Repository() => $"alice/{OciServerFixture.UniqueName("manifests")}/app";

    [Fact]
    public async Task Push_ThenGetByTagAndDigest_ServesExactBytesTypeAndLength()
    {
        var name = Repository();
        var (digest, json) = await oci.Alice.PushImageAsync(name, "v1", OciClient.RandomBytes(1000), OciClient.RandomBytes(2000));

        var byTag = (await oci.Alice.GetAsync($"/v2/{name}/manifests/v1")).Is(HttpStatusCode.OK);
        var byDigest = (await oci.Alice.GetAsync($"/v2/{name}/manifests/{digest}")).Is(HttpStatusCode.OK);
        var head = (await oci.Alice.HeadAsync($"/v2/{name}/manifests/v1")).Is(HttpStatusCode.OK);

        Assert.Equal(json, byTag.Text);
        Assert.Equal(json, byDigest.Text);
        Assert.Equal(OciClient.OciManifest, byTag.Header("Content-Type"));
        Assert.Equal(digest, byTag.Header("Docker-Content-Digest"));
        Assert.Equal(Encoding.UTF8.GetByteCount(json).ToString(), head.Header("Content-Length"));
        Assert.Equal(OciClient.OciManifest, head.Header("Content-Type"));
        Assert.Equal(digest, head.Header("Docker-Content-Digest"));
        Assert.Empty(head.Body);
    }

    [Fact]
    public async Task Push_Answers201WithLocationAndDigest()
    {
        var name = Repository();
        var config = Encoding.UTF8.GetBytes("{\"os\":\"linux\"}");
        await oci.Alice.PushBlobAsync(name, config);
        var json = OciClient.ImageManifest(config, []);

        var put = await oci.Alice.PutManifestAsync(name, "v1", json);

        put.Is(HttpStatusCode.Created);
        var digest = OciClient.Digest(Encoding.UTF8.GetBytes(json));
        Assert.Equal(digest, put.Header("Docker-Content-Digest"));
        Assert.Equal($"/v2/{name}/manifests/{digest}", put.Header("Location"));
    }

    [Fact]
    public async Task Push_DockerSchema2_IsServedWithItsOwnMediaType()
    {
        var name = Repository();
        var config = OciClient.RandomBytes(64);
        var layer = OciClient.RandomBytes(512);
        await oci.Alice.PushBlobAsync(name, config);
        await oci.Alice.PushBlobAsync(name, layer);
        var json = JsonSerializer.Serialize(new
        {
            schemaVersion = 2,
            mediaType = DockerManifest,
            config = OciClient.Descriptor("application/vnd.docker.container.image.v1+json", config),
            layers = new[] { OciClient.Descriptor("application/vnd.docker.image.rootfs.diff.tar.gzip", layer) },
        });

        (await oci.Alice.PutManifestAsync(name, "docker", json, DockerManifest)).Is(HttpStatusCode.Created);
        var get = (await oci.Alice.GetAsync($"/v2/{name}/manifests/docker", r => r.Headers.Accept.ParseAdd("*/*"))).Is(HttpStatusCode.OK);

        Assert.Equal(DockerManifest, get.Header("Content-Type"));
        Assert.Equal(json, get.Text);
    }

    [Fact]
    public async Task Push_ReferencingMissingBlob_IsManifestBlobUnknown()
    {
        var name = Repository();
        var config = OciClient.RandomBytes(32);
        await oci.Alice.PushBlobAsync(name, config);

        var put = await oci.Alice.PutManifestAsync(name, "v1", OciClient.ImageManifest(config, [OciClient.RandomBytes(100)]));

        put.IsError(HttpStatusCode.BadRequest, "MANIFEST_BLOB_UNKNOWN");
        (await oci.Alice.GetAsync($"/v2/{name}/manifests/v1")).IsError(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
    }

    [Fact]
    public async Task Push_NotJson_IsManifestInvalid()
    {
        var name = Repository();
        await oci.Alice.PushBlobAsync(name, [1]);

        var put = await oci.Alice.PutManifestAsync(name, "v1", "this is no manifest");

        put.IsError(HttpStatusCode.BadRequest, "MANIFEST_INVALID");
    }

    [Fact]
    public async Task PushByDigest_OfOtherContent_IsDigestInvalid()
    {
        var name = Repository();
        var config = OciClient.RandomBytes(32);
        await oci.Alice.PushBlobAsync(name, config);

        var put = await oci.Alice.PutManifestAsync(name, OciClient.Digest([9]), OciClient.ImageManifest(config, []));

        put.IsError(HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    [Fact]
    public async Task Push_LargerThanTheLimit_Is413SizeInvalid()
    {
        var name = Repository();
        await oci.Alice.PushBlobAsync(name, [1]);
        var huge = "{\"schemaVersion\":2,\"annotations\":{\"x\":\"" + new string('a', 4 * 1024 * 1024) + "\"}}";

        var put = await oci.Alice.PutManifestAsync(name, "huge", huge);

        put.IsError(HttpStatusCode.RequestEntityTooLarge, "SIZE_INVALID");
    }

    [Fact]
    public async Task Index_ReferencingMissingManifest_IsRefused_AndWithPushedChildrenIsAccepted()
    {
        var name = Repository();
        var (child, childJson) = await oci.Alice.PushImageAsync(name, "amd64", OciClient.RandomBytes(100));
        string Index(string digest, int size) => JsonSerializer.Serialize(new
        {
            schemaVersion = 2,
            mediaType = OciClient.OciIndex,
            manifests = new[] { new { mediaType = OciClient.OciManifest, digest, size, platform = new { architecture = "amd64", os = "linux" } } },
        });

        var missing = await oci.Alice.PutManifestAsync(name, "multi", Index(OciClient.Digest([4, 2]), 2), OciClient.OciIndex);
        var index = Index(child, Encoding.UTF8.GetByteCount(childJson));
        var accepted = await oci.Alice.PutManifestAsync(name, "multi", index, OciClient.OciIndex);
        var get = (await oci.Alice.GetAsync($"/v2/{name}/manifests/multi")).Is(HttpStatusCode.OK);

        missing.IsError(HttpStatusCode.BadRequest, "MANIFEST_BLOB_UNKNOWN");
        accepted.Is(HttpStatusCode.Created);
        Assert.Equal(OciClient.OciIndex, get.Header("Content-Type"));
        Assert.Equal(index, get.Text);
    }

    [Fact]
    public async Task Get_UnknownTagOrDigest_IsManifestUnknown()
    {
        var name = Repository();
        await oci.Alice.PushImageAsync(name, "v1");

        (await oci.Alice.GetAsync($"/v2/{name}/manifests/nope")).IsError(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        (await oci.Alice.GetAsync($"/v2/{name}/manifests/{OciClient.Digest([1])}")).IsError(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
    }

    [Fact]
    public async Task Delete_ByDigest_RemovesTheManifestAndItsTags()
    {
        var name = Repository();
        var (digest, _) = await oci.Alice.PushImageAsync(name, "v1", OciClient.RandomBytes(10));

        var deleted = await oci.Alice.SendAsync(HttpMethod.Delete, $"/v2/{name}/manifests/{digest}");

        deleted.Is(HttpStatusCode.Accepted);
        (await oci.Alice.GetAsync($"/v2/{name}/manifests/{digest}")).IsError(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        (await oci.Alice.GetAsync($"/v2/{name}/manifests/v1")).IsError(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        (await oci.Alice.SendAsync(HttpMethod.Delete, $"/v2/{name}/manifests/{digest}")).IsError(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
    }

    [Fact]
    public async Task Delete_ByTag_RemovesOnlyTheTag()
    {
        var name = Repository();
        var (digest, _) = await oci.Alice.PushImageAsync(name, "v1");

        (await oci.Alice.SendAsync(HttpMethod.Delete, $"/v2/{name}/manifests/v1")).Is(HttpStatusCode.Accepted);

        (await oci.Alice.GetAsync($"/v2/{name}/manifests/v1")).IsError(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        (await oci.Alice.GetAsync($"/v2/{name}/manifests/{digest}")).Is(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Push_SameManifestAndTagConcurrently_AllSucceed()
    {
        var name = Repository();
        var config = OciClient.RandomBytes(40);
        await oci.Alice.PushBlobAsync(name, config);
        var json = OciClient.ImageManifest(config, []);

        var puts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => oci.Alice.PutManifestAsync(name, "same", json)));

        Assert.All(puts, put => put.Is(HttpStatusCode.Created));
        var get = (await oci.Alice.GetAsync($"/v2/{name}/manifests/same")).Is(HttpStatusCode.OK);
        Assert.Equal(json, get.Text);
    }

    [Fact]
    public async Task Tag_PushedAgain_MovesToTheNewManifest()
    {
        var name = Repository();
        await oci.Alice.PushImageAsync(name, "latest");
        var (second, _) = await oci.Alice.PushImageAsync(name, "latest");

        var get = (await oci.Alice.GetAsync($"/v2/{name}/manifests/latest")).Is(HttpStatusCode.OK);

        Assert.Equal(second, get.Header("Docker-Content-Digest"));
    }

    [Fact]
    public async Task TagsList_PagesWithNAndLastAndLinks()
    {
        var name = Repository();
        var (digest, json) = await oci.Alice.PushImageAsync(name, "a");
        foreach (var tag in new[] { "d", "b", "c" })
            (await oci.Alice.PutManifestAsync(name, tag, json)).Is(HttpStatusCode.Created);

        var all = (await oci.Alice.GetAsync($"/v2/{name}/tags/list")).Is(HttpStatusCode.OK);
        var first = (await oci.Alice.GetAsync($"/v2/{name}/tags/list?n=2")).Is(HttpStatusCode.OK);
        var next = (await oci.Alice.GetAsync(LinkTarget(first))).Is(HttpStatusCode.OK);

        Assert.Equal(name, all.Json().GetProperty("name").GetString());
        Assert.Equal(["a", "b", "c", "d"], Tags(all));
        Assert.Null(all.Header("Link"));
        Assert.Equal(["a", "b"], Tags(first));
        Assert.Equal(["c", "d"], Tags(next));
        Assert.Null(next.Header("Link"));
        Assert.Equal(digest, (await oci.Alice.HeadAsync($"/v2/{name}/manifests/d")).Header("Docker-Content-Digest"));
    }

    [Fact]
    public async Task Subject_IsEchoedAndListedByReferrersWithArtifactTypeFilter()
    {
        var name = Repository();
        var (subject, _) = await oci.Alice.PushImageAsync(name, "v1", OciClient.RandomBytes(10));
        var empty = "{}"u8.ToArray();
        await oci.Alice.PushBlobAsync(name, empty);
        var signature = OciClient.ImageManifest(empty, [], "application/vnd.oci.empty.v1+json", subject, "application/vnd.example.signature");
        var sbom = OciClient.ImageManifest(empty, [], "application/vnd.oci.empty.v1+json", subject, "application/vnd.example.sbom");

        var pushed = (await oci.Alice.PutManifestAsync(name, OciClient.Digest(Encoding.UTF8.GetBytes(signature)), signature)).Is(HttpStatusCode.Created);
        (await oci.Alice.PutManifestAsync(name, OciClient.Digest(Encoding.UTF8.GetBytes(sbom)), sbom)).Is(HttpStatusCode.Created);
        var all = (await oci.Alice.GetAsync($"/v2/{name}/referrers/{subject}")).Is(HttpStatusCode.OK);
        var filtered = (await oci.Alice.GetAsync($"/v2/{name}/referrers/{subject}?artifactType=application/vnd.example.sbom")).Is(HttpStatusCode.OK);
        var none = (await oci.Alice.GetAsync($"/v2/{name}/referrers/{OciClient.Digest([5])}")).Is(HttpStatusCode.OK);

        Assert.Equal(subject, pushed.Header("OCI-Subject"));
        Assert.Equal(OciClient.OciIndex, all.Header("Content-Type"));
        Assert.Equal(2, all.Json().GetProperty("manifests").GetArrayLength());
        Assert.Null(all.Header("OCI-Filters-Applied"));
        var only = Assert.Single(filtered.Json().GetProperty("manifests").EnumerateArray());
        Assert.Equal("application/vnd.example.sbom", only.GetProperty("artifactType").GetString());
        Assert.Equal(OciClient.Digest(Encoding.UTF8.GetBytes(sbom)), only.GetProperty("digest").GetString());
        Assert.Equal("artifactType", filtered.Header("OCI-Filters-Applied"));
        Assert.Equal(0, none.Json().GetProperty("manifests").GetArrayLength());
    }

    private static string[] Tags(OciResponse response) =>
        [.. response.Json().GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)];

    internal static string LinkTarget(OciResponse response)
    {
        var link = response.Header("Link");
        Assert.NotNull(link);
        Assert.EndsWith("rel=\"next\"", link);
        return link[1..link.IndexOf('>')];
    }
}
