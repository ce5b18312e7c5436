using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;
using SRegistry.Server.Tests.Oci;

namespace SRegistry.Server.Tests.Operations;

public sealed class GarbageCollectionTests(OciServerFixture fixture) : IClassFixture<OciServerFixture>
{
    // No grace period, so content unreferenced a moment ago is collected now (nothing else pushes meanwhile).
    private static readonly Dictionary<string, string> NoGrace = new() { ["SREGISTRY_GarbageCollection__GracePeriod"] = "00:00:00" };

    [Fact]
    public async Task Gc_DryRunThenRun_DeletesOnlyUnreferencedBlobs_AndEveryImageStillPullsWithTheSameSha256()
    {
        var keep = $"alice/{OciServerFixture.UniqueName("keep")}/app";
        var gone = $"alice/{OciServerFixture.UniqueName("gone")}/app";
        var shared = OciClient.RandomBytes(30_000);
        var kept = OciClient.RandomBytes(20_000);
        var dropped = OciClient.RandomBytes(25_000);
        var (keptManifest, _) = await fixture.Alice.PushImageAsync(keep, "v1", shared, kept);
        await fixture.Alice.PushImageAsync(gone, "v1", shared, dropped);
        await DeleteContainerAsync(gone);
        var library = new LibraryApi(fixture.Server.Client, fixture.AliceToken);
        var libraryName = OciServerFixture.UniqueName("lib");
        var libraryCollection = await library.CreateCollectionAsync(await library.EntityIdAsync("alice"), libraryName);
        var libraryContainer = await library.CreateContainerAsync(libraryCollection, "tool");
        var sif = await SifFiles.CreateAsync(fixture.Files);
        await library.PushAsync(libraryContainer, sif, "v1");
        var deletedSif = await SifFiles.CreateAsync(fixture.Files, paddingBytes: 1000);
        await library.PushAsync(libraryContainer, deletedSif, "old");
        (await library.DeleteAsync($"/v1/images/alice/{libraryName}/tool:old?arch=amd64")).Ok();
        var filesBefore = BlobFiles();

        var dryRun = await GcAsync("--dry-run", "--verbose");

        Assert.Contains($"{OciClient.Digest(dropped)}\t{dropped.Length}\trecorded", dryRun, StringComparison.Ordinal);
        Assert.DoesNotContain(OciClient.Digest(shared), dryRun, StringComparison.Ordinal);
        Assert.DoesNotContain(OciClient.Digest(kept), dryRun, StringComparison.Ordinal);
        Assert.Contains(SifFiles.LibraryHash(deletedSif)["sha256.".Length..], dryRun, StringComparison.Ordinal);
        Assert.DoesNotContain(SifFiles.LibraryHash(sif)["sha256.".Length..], dryRun, StringComparison.Ordinal);
        Assert.Contains("blobs would delete\t3", dryRun, StringComparison.Ordinal); // the layer, the gone image's config, the deleted SIF
        Assert.Equal(filesBefore, BlobFiles());

        var run = await GcAsync("--verbose");

        Assert.Contains("blobs deleted\t3", run, StringComparison.Ordinal);
        Assert.Contains(OciClient.Digest(dropped), run, StringComparison.Ordinal);
        Assert.Equal(filesBefore.Length - 3, BlobFiles().Length);
        Assert.DoesNotContain(BlobFiles(), f => f.EndsWith(OciClient.Digest(dropped)["sha256:".Length..], StringComparison.Ordinal));
        var manifest = await fixture.Alice.GetAsync($"/v2/{keep}/manifests/v1", r => r.Headers.Accept.ParseAdd(OciClient.OciManifest));
        manifest.Is(HttpStatusCode.OK);
        Assert.Equal(keptManifest, manifest.Header("Docker-Content-Digest"));
        foreach (var layer in new[] { shared, kept })
        {
            var pulled = await fixture.Alice.GetAsync($"/v2/{keep}/blobs/{OciClient.Digest(layer)}");
            pulled.Is(HttpStatusCode.OK);
            Assert.Equal(OciClient.Digest(layer), "sha256:" + Convert.ToHexStringLower(SHA256.HashData(pulled.Body)));
        }

        using var pulledSif = await fixture.Server.Client.GetAsync($"/v1/imagefile/alice/{libraryName}/tool:v1?arch=amd64");
        Assert.Equal(HttpStatusCode.OK, pulledSif.StatusCode);
        Assert.Equal(SifFiles.LibraryHash(sif), "sha256." + Convert.ToHexStringLower(SHA256.HashData(await pulledSif.Content.ReadAsByteArrayAsync())));
        Assert.Contains("blobs deleted\t0", await GcAsync(), StringComparison.Ordinal);
    }

    private async Task<string> GcAsync(params string[] args)
    {
        var result = await ServerBinary.RunAsync(["admin", "--data", fixture.DataDirectory, "gc", .. args], environment: NoGrace);
        Assert.True(result.ExitCode == 0, $"admin gc failed: {result}");
        return result.StandardOutput;
    }

    private async Task DeleteContainerAsync(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/containers/{name}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.AliceToken);
        using var response = await fixture.Server.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"deleting {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private string[] BlobFiles() =>
        [.. Directory.GetFiles(Path.Combine(fixture.DataDirectory, "blobs", "blobs", "sha256"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
