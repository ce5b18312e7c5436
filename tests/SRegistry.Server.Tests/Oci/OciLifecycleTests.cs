using System.Net;
using System.Text.Json;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Oci;

/// <summary>What other parts of the registry do to OCI content and credentials: freezing, library deletes, disabled users.</summary>
public sealed class OciLifecycleTests(OciServerFixture oci) : IClassFixture<OciServerFixture>
{
    [Fact]
    public async Task FrozenRepository_RefusesPushesAndDeletes_ButServesPulls()
    {
        var name = $"alice/{OciServerFixture.UniqueName("frozen")}/app";
        var (digest, _) = await oci.Alice.PushImageAsync(name, "v1");
        await AdminCli.OkAsync(oci.DataDirectory, null, "container", "freeze", name);

        (await oci.Alice.PostBlobAsync(name, [1])).IsError(HttpStatusCode.Forbidden, "DENIED");
        (await oci.Alice.SendAsync(HttpMethod.Delete, $"/v2/{name}/manifests/{digest}")).IsError(HttpStatusCode.Forbidden, "DENIED");
        (await oci.Alice.GetAsync($"/v2/{name}/manifests/v1")).Is(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LibraryDelete_OfAnOrasPushedSif_RemovesItsManifestToo()
    {
        var name = $"alice/{OciServerFixture.UniqueName("libdel")}/app";
        var sif = await File.ReadAllBytesAsync(await SifFiles.CreateAsync(oci.Files));
        var empty = "{}"u8.ToArray();
        await oci.Alice.PushBlobAsync(name, empty);
        await oci.Alice.PushBlobAsync(name, sif);
        var manifest = JsonSerializer.Serialize(new
        {
            schemaVersion = 2,
            mediaType = OciClient.OciManifest,
            config = new { mediaType = "application/vnd.sylabs.sif.config.v1+json", digest = OciClient.Digest(empty), size = 2 },
            layers = new[] { new { mediaType = "application/vnd.sylabs.sif.layer.v1.sif", digest = OciClient.Digest(sif), size = sif.Length } },
        });
        var pushed = (await oci.Alice.PutManifestAsync(name, "v1", manifest)).Is(HttpStatusCode.Created);

        (await new LibraryApi(oci.Server.Client, oci.AliceToken).DeleteAsync($"/v1/images/{name}:v1?arch=amd64")).Ok();

        (await oci.Alice.GetAsync($"/v2/{name}/manifests/v1")).IsError(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        (await oci.Alice.GetAsync($"/v2/{name}/manifests/{pushed.Header("Docker-Content-Digest")}")).IsError(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
    }

    [Fact]
    public async Task IssuedToken_StopsWorkingWhenItsUserIsDisabled()
    {
        var user = OciServerFixture.UniqueName("carol");
        await AdminCli.OkAsync(oci.DataDirectory, "carol's long password", "user", "create", user, "--password-stdin");
        var name = $"{user}/{OciServerFixture.UniqueName("c")}/app";
        var token = await oci.Anonymous.TokenAsync(user, "carol's long password", $"repository:{name}:pull,push");
        (await oci.Anonymous.As(token).PostBlobAsync(name, [1])).Is(HttpStatusCode.Created);

        await AdminCli.OkAsync(oci.DataDirectory, null, "user", "disable", user);

        (await oci.Anonymous.As(token).PostBlobAsync(name, [2])).IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        (await oci.Anonymous.RequestTokenAsync(user, "carol's long password")).IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}
