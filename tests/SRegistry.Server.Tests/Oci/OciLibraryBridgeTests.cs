using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Oci;

/// <summary>
/// One store, every door: a SIF pushed through the library API is an ORAS artifact on <c>/v2/</c>, and a
/// SIF pushed as an ORAS artifact is a library image with its architecture and tag.
/// </summary>
public sealed class OciLibraryBridgeTests(OciServerFixture oci) : IClassFixture<OciServerFixture>
{
    private const string SifConfig = "application/vnd.sylabs.sif.config.v1+json";
    private const string SifLayer = "application/vnd.sylabs.sif.layer.v1.sif";

    [Fact]
    public async Task LibraryPush_IsPullableAsOrasArtifact_WithTheSameSha256()
    {
        var file = await SifFiles.CreateAsync(oci.Files);
        var collection = OciServerFixture.UniqueName("bridge");
        var library = new LibraryApi(oci.Server.Client, oci.AliceToken);
        var containerId = await library.CreateContainerAsync(await library.CreateCollectionAsync(await library.EntityIdAsync("alice"), collection), "app");
        await library.PushAsync(containerId, file, "v1");
        var name = $"alice/{collection}/app";

        var manifest = (await oci.Anonymous.GetAsync($"/v2/{name}/manifests/v1")).Is(HttpStatusCode.OK);
        var json = manifest.Json();
        var config = json.GetProperty("config");
        var layer = json.GetProperty("layers").EnumerateArray().Single();
        var configBlob = (await oci.Anonymous.GetAsync($"/v2/{name}/blobs/{config.GetProperty("digest").GetString()}")).Is(HttpStatusCode.OK);
        var layerBlob = (await oci.Anonymous.GetAsync($"/v2/{name}/blobs/{layer.GetProperty("digest").GetString()}")).Is(HttpStatusCode.OK);
        var byDigest = (await oci.Anonymous.GetAsync($"/v2/{name}/manifests/{manifest.Header("Docker-Content-Digest")}")).Is(HttpStatusCode.OK);
        var tags = (await oci.Anonymous.GetAsync($"/v2/{name}/tags/list")).Is(HttpStatusCode.OK);

        Assert.Equal(OciClient.OciManifest, manifest.Header("Content-Type"));
        Assert.Equal(OciClient.Digest(manifest.Body), manifest.Header("Docker-Content-Digest"));
        Assert.Equal(SifConfig, config.GetProperty("mediaType").GetString());
        Assert.Equal("{}", configBlob.Text);
        Assert.Equal(SifLayer, layer.GetProperty("mediaType").GetString());
        Assert.Equal(new FileInfo(file).Length, layer.GetProperty("size").GetInt64());
        Assert.EndsWith(".sif", layer.GetProperty("annotations").GetProperty("org.opencontainers.image.title").GetString());
        Assert.Equal(Sha256(await File.ReadAllBytesAsync(file)), Sha256(layerBlob.Body));
        Assert.Equal(manifest.Body, byDigest.Body);
        Assert.Equal(["v1"], tags.Json().GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task OrasPush_IsALibraryImageWithArchAndTag_AndPullsBackIdentical()
    {
        var file = await SifFiles.CreateAsync(oci.Files, arch: "arm64");
        var sif = await File.ReadAllBytesAsync(file);
        var collection = OciServerFixture.UniqueName("oras");
        var name = $"alice/{collection}/app";
        var empty = "{}"u8.ToArray();
        await oci.Alice.PushBlobAsync(name, empty);
        await oci.Alice.PushBlobAsync(name, sif);
        var manifest = JsonSerializer.Serialize(new
        {
            schemaVersion = 2,
            mediaType = OciClient.OciManifest,
            config = new { mediaType = SifConfig, digest = OciClient.Digest(empty), size = 2 },
            layers = new[] { new { mediaType = SifLayer, digest = OciClient.Digest(sif), size = sif.Length, annotations = new Dictionary<string, string> { ["org.opencontainers.image.title"] = "app.sif" } } },
        });

        (await oci.Alice.PutManifestAsync(name, "v2", manifest)).Is(HttpStatusCode.Created);
        var library = new LibraryApi(oci.Server.Client, oci.AliceToken);
        var image = (await library.GetAsync($"/v1/images/{name}:v2?arch=arm64")).Data();
        var pulled = await oci.Server.Client.GetByteArrayAsync($"/v1/imagefile/{name}:v2?arch=arm64");
        var viaOci = (await oci.Alice.GetAsync($"/v2/{name}/manifests/v2")).Is(HttpStatusCode.OK);

        Assert.Equal("arm64", image.GetProperty("arch").GetString());
        Assert.Equal("sha256." + Sha256(sif), image.GetProperty("hash").GetString());
        Assert.True(image.GetProperty("uploaded").GetBoolean());
        Assert.Contains("v2", image.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(Sha256(sif), Sha256(pulled));
        Assert.Equal(manifest, viaOci.Text);
    }

    [Fact]
    public async Task OrasPush_OfBytesThatAreNoSif_IsManifestInvalid()
    {
        var name = $"alice/{OciServerFixture.UniqueName("notsif")}/app";
        var empty = "{}"u8.ToArray();
        var bogus = Encoding.UTF8.GetBytes("not a SIF file " + Guid.NewGuid());
        await oci.Alice.PushBlobAsync(name, empty);
        await oci.Alice.PushBlobAsync(name, bogus);
        var manifest = JsonSerializer.Serialize(new
        {
            schemaVersion = 2,
            config = new { mediaType = SifConfig, digest = OciClient.Digest(empty), size = 2 },
            layers = new[] { new { mediaType = SifLayer, digest = OciClient.Digest(bogus), size = bogus.Length } },
        });

        var put = await oci.Alice.PutManifestAsync(name, "v1", manifest);

        put.IsError(HttpStatusCode.BadRequest, "MANIFEST_INVALID");
        (await oci.Alice.GetAsync($"/v2/{name}/manifests/v1")).IsError(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
