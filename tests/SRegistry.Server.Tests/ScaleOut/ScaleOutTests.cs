using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using SRegistry.Server.Tests.Library;
using SRegistry.Server.Tests.Oci;
using SRegistry.Server.Tests.Oci.Interop;
using SRegistry.Storage.S3.Tests.Moto;

namespace SRegistry.Server.Tests.ScaleOut;

/// <summary>
/// Two instances, one database, one bucket (<see cref="ScaleOutFixture"/>): whatever one instance starts,
/// stores or hands out, the other finishes, serves or accepts; and with direct transfers the real
/// Apptainer library client moves image bytes to and from the bucket itself.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ScaleOutTests(ScaleOutFixture fixture, LibraryHarness harness) : IClassFixture<LibraryHarness>
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task LibraryPush_WithDirectTransfers_GoesToTheBucket_AndPullsThroughBothInstances()
    {
        var image = await SifFiles.CreateAsync(fixture.Files);
        var reference = $"alice/{LibraryServerFixture.UniqueName("direct")}/app:latest";
        var hex = SifFiles.LibraryHash(image)["sha256.".Length..];
        var blobPath = $"/{MotoServer.Bucket}/{fixture.Prefix}blobs/sha256/{hex}";

        var push = await harness.RunAsync(fixture.Direct.BaseAddress, fixture.AliceToken, "push", image, reference);
        var throughProxied = await harness.RunAsync(fixture.Proxied.BaseAddress, fixture.AliceToken, "pull", reference, Output(), "-concurrent", "3", "-part-size", "4096");
        var redirected = await harness.RunAsync(fixture.Direct.BaseAddress, fixture.AliceToken, "pull", reference, Output(), "-concurrent", "3", "-part-size", "4096");
        var redirectedPlain = await harness.RunAsync(fixture.Direct.BaseAddress, fixture.AliceToken, "pull", reference, Output());

        // The bytes went to a presigned URL of the bucket, without credentials, and nowhere else.
        var upload = Assert.Single(Entries(push), r => r.Method == "PUT" && !r.Path.StartsWith("/v", StringComparison.Ordinal));
        Assert.StartsWith($"/{MotoServer.Bucket}/{fixture.Prefix}tmp/", upload.Path);
        Assert.Equal((200, false), (upload.Status, upload.Authorized));
        Assert.DoesNotContain(Entries(push), r => r.Path.StartsWith("/v2/uploads/", StringComparison.Ordinal));
        Assert.Contains($"{fixture.Prefix}blobs/sha256/{hex}", (await fixture.Moto.ListAsync(fixture.Prefix)).Keys);
        Assert.Empty((await fixture.Moto.ListAsync(fixture.Prefix + "tmp/")).Keys);

        // The proxied instance streams the bytes itself (ranges too); the direct one sends the client to the bucket (303).
        Assert.All(new[] { throughProxied, redirected, redirectedPlain }, pull => AssertPulled(image, pull));
        Assert.Contains(Entries(throughProxied), r => r.Path.StartsWith("/v1/imagefile/", StringComparison.Ordinal) && r.Status == 200);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/v1/imagefile/{reference}?arch=amd64");
        ranged.Headers.Range = new RangeHeaderValue(100, 1123);
        using var part = await fixture.Proxied.Client.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal((await File.ReadAllBytesAsync(image))[100..1124], await part.Content.ReadAsByteArrayAsync());
        Assert.Contains(Entries(redirected), r => r.Path.StartsWith("/v1/imagefile/", StringComparison.Ordinal) && r.Status == 303);
        Assert.Contains(Entries(redirected), r => r.Path == blobPath && r.Status == 206 && !r.Authorized);
        Assert.Contains(Entries(redirectedPlain), r => r.Path == blobPath && r.Status == 200);
    }

    [Fact]
    public async Task LibraryMultipartUpload_StartedOnOneInstance_IsFinishedOnTheOther()
    {
        var file = await SifFiles.CreateAsync(fixture.Files, paddingBytes: 2 * MiB + 12345);
        var bytes = await File.ReadAllBytesAsync(file);
        var first = new LibraryApi(fixture.Direct.Client, fixture.AliceToken);
        var second = new LibraryApi(fixture.Proxied.Client, fixture.AliceToken);
        var collection = LibraryServerFixture.UniqueName("multi");
        var containerId = await first.CreateContainerAsync(await first.CreateCollectionAsync(await first.EntityIdAsync("alice"), collection), "app");
        var imageId = await first.CreateImageAsync(containerId, SifFiles.LibraryHash(file));

        var started = (await first.PostAsync($"/v2/imagefile/{imageId}/_multipart", new { filesize = bytes.Length })).Data();
        var uploadId = started.GetProperty("uploadID").GetString();
        var partSize = started.GetProperty("partSize").GetInt64();
        var totalParts = started.GetProperty("totalParts").GetInt32();
        var completed = new List<object>();
        for (var part = 1; part <= totalParts; part++)
        {
            // Parts alternate between the instances: asked for on one, sent to the URL the other made.
            var (asked, other) = part % 2 == 1 ? (second, first) : (first, second);
            var chunk = bytes.AsSpan((int)((part - 1) * partSize), (int)Math.Min(partSize, bytes.Length - (part - 1) * partSize)).ToArray();
            var sha = Convert.ToHexStringLower(SHA256.HashData(chunk));
            var url = (await asked.SendAsync(HttpMethod.Put, $"/v2/imagefile/{imageId}/_multipart",
                JsonSerializer.Serialize(new { uploadID = uploadId, partNumber = part, partSize = chunk.Length, sha256sum = sha }))).Data().GetProperty("presignedURL").GetString()!;
            var sent = await other.PutBytesAsync(url, chunk);
            sent.Ok();
            completed.Add(new { partNumber = part, token = sent.ETag });
        }
        var finished = await second.SendAsync(HttpMethod.Put, $"/v2/imagefile/{imageId}/_multipart_complete",
            JsonSerializer.Serialize(new { uploadID = uploadId, completedParts = completed }));

        finished.Ok();
        Assert.True(totalParts >= 3, $"the image should need several parts, not {totalParts}");
        Assert.DoesNotContain((await fixture.Moto.ListAsync(fixture.Prefix + "uploads/")).Keys, k => k.Contains(uploadId!.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal));
        using var download = await fixture.Proxied.Client.GetAsync($"/v1/imagefile/alice/{collection}/app:{SifFiles.LibraryHash(file)}?arch=amd64");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task OciChunkedUpload_StartedOnOneInstance_IsFinishedOnTheOther_AndServedByBoth()
    {
        var repository = $"alice/{LibraryServerFixture.UniqueName("oci")}/layers";
        var bytes = RandomNumberGenerator.GetBytes(3 * MiB + 77);
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        // A bearer token one instance issues works on the other: both read one key ring in the database.
        var token = await new OciClient(fixture.Direct.Client, null).TokenAsync("alice", fixture.AliceToken, $"repository:{repository}:pull,push");
        var first = new OciClient(fixture.Direct.Client, token);
        var second = new OciClient(fixture.Proxied.Client, token);

        var location = await first.StartUploadAsync(repository);
        (await second.PatchAsync(location, bytes[..MiB], 0)).Is(HttpStatusCode.Accepted);
        (await first.PatchAsync(location, bytes[MiB..(2 * MiB)], MiB)).Is(HttpStatusCode.Accepted);
        var separator = location.Contains('?') ? '&' : '?';
        var put = await second.SendAsync(HttpMethod.Put, $"{location}{separator}digest={digest}", new ByteArrayContent(bytes[(2 * MiB)..]));

        put.Is(HttpStatusCode.Created);
        Assert.Equal(bytes, (await second.GetAsync($"/v2/{repository}/blobs/{digest}")).Is(HttpStatusCode.OK).Body);
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Direct.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/{repository}/blobs/{digest}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var redirect = await noRedirects.SendAsync(request);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.StartsWith(fixture.Moto.Endpoint.ToString(), redirect.Headers.Location!.ToString());
        using var plain = new HttpClient();
        Assert.Equal(bytes, await plain.GetByteArrayAsync(redirect.Headers.Location));
    }

    [Fact]
    public async Task Skopeo_CopiesAnImageInThroughOneInstance_AndOutThroughTheDirectOne()
    {
        var original = OciLayouts.MultiLayerImage(Path.Combine(fixture.Files, LibraryServerFixture.UniqueName("layout")), "1.0");
        var repository = $"alice/{LibraryServerFixture.UniqueName("skopeo")}/image";
        var credentials = new RegistryCredentials("alice", fixture.AliceToken);
        var copy = Path.Combine(fixture.Files, LibraryServerFixture.UniqueName("copy"));

        var pushed = await Skopeo.CopyAsync(original.Reference, $"docker://{fixture.Proxied.BaseAddress.Authority}/{repository}:1.0", credentials);
        // Every blob GET on the direct instance answers 307 to the bucket (see the OCI test above): skopeo follows it.
        var pulled = await Skopeo.CopyAsync($"docker://{fixture.Direct.BaseAddress.Authority}/{repository}:1.0", $"oci:{copy}:1.0", credentials);

        Assert.True(pushed.ExitCode == 0, $"skopeo push failed: {pushed}");
        Assert.True(pulled.ExitCode == 0, $"skopeo pull failed: {pulled}");
        var layout = OciLayout.Read(copy, "1.0");
        Assert.Equal(original.ManifestDigest, layout.ManifestDigest);
        Assert.Equal(original.BlobDigests, layout.BlobDigests);
    }

    [Fact]
    public async Task ShareLinkAndSRegistryCliDownloadUrl_MadeByOneInstance_WorkOnTheOther()
    {
        var image = await SifFiles.CreateAsync(fixture.Files);
        var collection = LibraryServerFixture.UniqueName("shared");
        var push = await harness.RunAsync(fixture.Proxied.BaseAddress, fixture.AliceToken, "push", image, $"default/{collection}/app:v1");
        var imageId = push.GetProperty("imageId").GetString();
        var expected = await File.ReadAllBytesAsync(image);

        using var share = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/images/{imageId}/share-links") { Content = JsonContent(new { lifetimeSeconds = 3600 }) };
        share.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.AliceToken);
        using var shared = await fixture.Direct.Client.SendAsync(share);
        var shareUrl = JsonDocument.Parse(await shared.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!;
        var cli = JsonDocument.Parse(await fixture.Direct.Client.GetStringAsync($"/api/container/{collection}/app:v1")).RootElement;
        var downloadUrl = cli.GetProperty("image").GetString()!;

        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        using var anonymous = new HttpClient();
        Assert.Equal(expected, await anonymous.GetByteArrayAsync(OnProxied(shareUrl)));
        Assert.Equal(expected, await anonymous.GetByteArrayAsync(OnProxied(downloadUrl)));
    }

    private Uri OnProxied(string url)
    {
        var made = new Uri(url);
        Assert.Equal(fixture.Direct.BaseAddress.Authority, made.Authority);
        return new Uri(fixture.Proxied.BaseAddress, made.PathAndQuery);
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private string Output() => Path.Combine(fixture.Files, LibraryServerFixture.UniqueName("pulled") + ".sif");

    private static void AssertPulled(string file, JsonElement pull)
    {
        Assert.Equal(SifFiles.LibraryHash(file), pull.GetProperty("sha256").GetString());
        Assert.Equal(new FileInfo(file).Length, pull.GetProperty("size").GetInt64());
    }

    private static List<(string Method, string Path, int Status, bool Authorized)> Entries(JsonElement output) =>
        output.GetProperty("requests").EnumerateArray()
            .Select(r => (r.GetProperty("method").GetString()!, r.GetProperty("path").GetString()!, r.GetProperty("status").GetInt32(), r.GetProperty("authorized").GetBoolean()))
            .ToList();
}
