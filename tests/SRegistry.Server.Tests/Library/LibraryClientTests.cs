using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Library;

/// <summary>
/// <c>singularity push</c>, <c>pull</c>, <c>search</c> and <c>delete</c> against our library:// door, made by
/// the real Apptainer library client through <see cref="LibraryHarness"/>. Each test works in a collection
/// of its own on a shared server (<see cref="LibraryServerFixture"/>).
/// </summary>
public sealed class LibraryClientTests(LibraryHarness harness, LibraryServerFixture library)
    : IClassFixture<LibraryHarness>, IClassFixture<LibraryServerFixture>
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task PushThenPull_SmallImage_UploadsInOnePartAndPullsBackIdenticalBytes()
    {
        var image = await SifFiles.CreateAsync(library.Files);
        var reference = $"alice/{LibraryServerFixture.UniqueName("roundtrip")}/app";

        var push = await harness.RunAsync(library.Url, library.AliceToken, "push", image, reference + ":latest");
        var pull = await PullAsync(library.AliceToken, reference + ":latest");

        var imageId = push.GetProperty("imageId").GetString();
        var requests = Requests(push);
        Assert.True(push.GetProperty("uploaded").GetBoolean(), "a new image's bytes are uploaded");
        Assert.Contains($"POST /v2/imagefile/{imageId}", requests);
        Assert.Contains($"PUT /v2/imagefile/{imageId}/_complete", requests);
        Assert.DoesNotContain(requests, r => r.Contains("_multipart"));
        AssertSameImage(image, push, pull);
    }

    [Fact]
    public async Task PushThenPull_ImageOver64MiB_UsesMultipartUploadAndPullsBackIdenticalBytes()
    {
        // The client switches to multipart only above 64 MiB; random padding keeps squashfs from shrinking it.
        var image = await SifFiles.CreateAsync(library.Files, paddingBytes: 65 * MiB);
        var reference = $"alice/{LibraryServerFixture.UniqueName("multipart")}/big";

        var push = await harness.RunAsync(library.Url, library.AliceToken, "push", image, reference + ":latest");
        var pull = await PullAsync(library.AliceToken, reference + ":latest");

        var imageId = push.GetProperty("imageId").GetString();
        var requests = Requests(push);
        // A 404 on _multipart makes the client fall back to a single part silently: insist it was accepted.
        var start = Assert.Single(RequestEntries(push), r => r.Method == "POST" && r.Path == $"/v2/imagefile/{imageId}/_multipart");
        Assert.True(start.Status is 200 or 201, $"starting the multipart upload answered {start.Status}");
        Assert.Contains($"PUT /v2/imagefile/{imageId}/_multipart", requests);
        Assert.Contains($"PUT /v2/imagefile/{imageId}/_multipart_complete", requests);
        Assert.DoesNotContain($"POST /v2/imagefile/{imageId}", requests);
        AssertSameImage(image, push, pull);
    }

    [Fact]
    public async Task PushThenPull_ServerAdvertisingApi1_UsesTheLegacyV1UploadAndTags()
    {
        using var data = new TestDirectory();
        await using var server = await RunningServer.StartAsync(data.Path, "--Library:ApiVersion", "1.0.0");
        var token = await LibraryServerFixture.CreateUserAsync(data.Path, "carol");
        var image = await SifFiles.CreateAsync(data.Path);

        var version = await harness.RunAsync(server.BaseAddress, null, "version");
        var push = await harness.RunAsync(server.BaseAddress, token, "push", image, "carol/legacy/app:v1");
        var pull = await harness.RunAsync(server.BaseAddress, token, "pull", "carol/legacy/app:v1", data.Combine("pulled.sif"));

        var requests = Requests(push);
        Assert.Equal("1.0.0", version.GetProperty("apiVersion").GetString());
        Assert.Contains($"POST /v1/imagefile/{push.GetProperty("imageId").GetString()}", requests);
        Assert.Contains(requests, r => r.StartsWith("POST /v1/tags/", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, r => r.Contains(" /v2/"));
        AssertSameImage(image, push, pull);
    }

    [Fact]
    public async Task ConcurrentPull_WithSmallParts_WritesIdenticalBytes()
    {
        var image = await SifFiles.CreateAsync(library.Files, paddingBytes: 3 * MiB);
        var reference = $"alice/{LibraryServerFixture.UniqueName("concurrent")}/app:latest";
        var push = await harness.RunAsync(library.Url, library.AliceToken, "push", image, reference);

        // Ranged parts are used when the door redirects (303) to the file; a 200 stream is also valid.
        var pull = await PullAsync(library.AliceToken, reference, "-concurrent", "4", "-part-size", $"{MiB}");

        AssertSameImage(image, push, pull);
    }

    [Fact]
    public async Task ImageFile_WithRange_AnswersThatSliceOnly()
    {
        // What resumed and concurrent downloads depend on: a Range must never be ignored.
        var image = await SifFiles.CreateAsync(library.Files, paddingBytes: 64 * 1024);
        var reference = $"alice/{LibraryServerFixture.UniqueName("range")}/app:latest";
        await harness.RunAsync(library.Url, library.AliceToken, "push", image, reference);
        var bytes = await File.ReadAllBytesAsync(image);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/imagefile/{reference}?arch=amd64");
        request.Headers.Range = new RangeHeaderValue(1000, 5999);

        using var response = await library.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 1000-5999/{bytes.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes[1000..6000], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ImageFile_FourRangesFetchedAtOnce_ReassembleToTheImagesSha256()
    {
        // A concurrent download as download managers (and the client after a redirect) make one.
        var image = await SifFiles.CreateAsync(library.Files, paddingBytes: 3 * MiB);
        var reference = $"alice/{LibraryServerFixture.UniqueName("ranges")}/app:latest";
        await harness.RunAsync(library.Url, library.AliceToken, "push", image, reference);
        var length = new FileInfo(image).Length;
        var partSize = (length + 3) / 4;

        var parts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            var from = i * partSize;
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/imagefile/{reference}?arch=amd64");
            request.Headers.Range = new RangeHeaderValue(from, Math.Min(from + partSize, length) - 1);
            using var response = await library.Server.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            return await response.Content.ReadAsByteArrayAsync();
        }));

        Assert.Equal(
            Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(image))),
            Convert.ToHexStringLower(SHA256.HashData(parts.SelectMany(p => p).ToArray())));
    }

    [Fact]
    public async Task Search_ForAPushedContainersName_FindsItsImage()
    {
        var image = await SifFiles.CreateAsync(library.Files);
        var collection = LibraryServerFixture.UniqueName("search");
        var container = LibraryServerFixture.UniqueName("needle");
        await harness.RunAsync(library.Url, library.AliceToken, "push", image, $"alice/{collection}/{container}:latest");

        // As `singularity search` asks: the name and the host's arch.
        var results = await harness.RunAsync(library.Url, library.AliceToken, "search", container, "-arch", "amd64");

        var found = Assert.Single(results.GetProperty("image").EnumerateArray(), i => i.GetProperty("containerName").GetString() == container);
        Assert.Equal("alice", found.GetProperty("entityName").GetString());
        Assert.Equal(collection, found.GetProperty("collectionName").GetString());
        Assert.Equal(SifFiles.LibraryHash(image), found.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task Delete_ThenGetOrPull_ReportsNotFound()
    {
        var image = await SifFiles.CreateAsync(library.Files);
        var reference = $"alice/{LibraryServerFixture.UniqueName("delete")}/app";
        await harness.RunAsync(library.Url, library.AliceToken, "push", image, reference + ":latest");

        await harness.RunAsync(library.Url, library.AliceToken, "delete", reference + ":latest", "-arch", "amd64");

        AssertNotFound(await harness.TryRunAsync(library.Url, library.AliceToken, "get", reference + ":latest"));
        AssertNotFound(await harness.TryRunAsync(library.Url, library.AliceToken, "get", $"{reference}:{SifFiles.LibraryHash(image)}"));
        AssertNotFound(await harness.TryRunAsync(library.Url, library.AliceToken, "pull", reference + ":latest", OutputFile()));
    }

    [Fact]
    public async Task Push_WithSeveralTags_EachTagPullsTheSameImage()
    {
        var image = await SifFiles.CreateAsync(library.Files);
        var reference = $"alice/{LibraryServerFixture.UniqueName("tags")}/app";

        var push = await harness.RunAsync(library.Url, library.AliceToken, "push", image, reference + ":v1,v2,stable");

        foreach (var tag in new[] { "v1", "v2", "stable" })
        {
            var pull = await PullAsync(library.AliceToken, $"{reference}:{tag}");
            AssertSameImage(image, push, pull);
        }

        var tags = (await harness.RunAsync(library.Url, library.AliceToken, "get", reference + ":v2")).GetProperty("tags").EnumerateArray().Select(t => t.GetString());
        Assert.Equal(["stable", "v1", "v2"], tags.Order());
    }

    [Fact]
    public async Task SameTag_ForAmd64AndArm64_PullsTheImageOfTheRequestedArch()
    {
        var amd64 = await SifFiles.CreateAsync(library.Files, "amd64");
        var arm64 = await SifFiles.CreateAsync(library.Files, "arm64");
        var reference = $"alice/{LibraryServerFixture.UniqueName("multiarch")}/app:latest";
        var pushAmd64 = await harness.RunAsync(library.Url, library.AliceToken, "push", amd64, reference, "-arch", "amd64");
        var pushArm64 = await harness.RunAsync(library.Url, library.AliceToken, "push", arm64, reference, "-arch", "arm64");

        var pullAmd64 = await PullAsync(library.AliceToken, reference, "-arch", "amd64");
        var pullArm64 = await PullAsync(library.AliceToken, reference, "-arch", "arm64");
        var getArm64 = await harness.RunAsync(library.Url, library.AliceToken, "get", reference, "-arch", "arm64");

        AssertSameImage(amd64, pushAmd64, pullAmd64);
        AssertSameImage(arm64, pushArm64, pullArm64);
        Assert.Equal("arm64", getArm64.GetProperty("arch").GetString());
    }

    [Fact]
    public async Task PrivateCollection_IsInvisibleToOtherUsersAndAnonymous_ButPullableByItsOwner()
    {
        var image = await SifFiles.CreateAsync(library.Files);
        var container = LibraryServerFixture.UniqueName("secret");
        var reference = $"alice/{LibraryServerFixture.UniqueName("private")}/{container}:latest";

        var push = await harness.RunAsync(library.Url, library.AliceToken, "push", image, reference, "-private");

        AssertSameImage(image, push, await PullAsync(library.AliceToken, reference));
        AssertNotFound(await harness.TryRunAsync(library.Url, library.BobToken, "get", reference));
        AssertNotFound(await harness.TryRunAsync(library.Url, library.BobToken, "pull", reference, OutputFile()));
        AssertNotFound(await harness.TryRunAsync(library.Url, null, "get", reference));
        AssertNotFound(await harness.TryRunAsync(library.Url, null, "pull", reference, OutputFile()));
        // Skipping GetImage must not help: the file itself is not served either.
        using (var file = await library.Server.Client.GetAsync($"/v1/imagefile/{reference}?arch=amd64"))
        {
            Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        }

        foreach (var token in new[] { library.BobToken, null })
        {
            var results = await harness.RunAsync(library.Url, token, "search", container, "-arch", "amd64");
            Assert.DoesNotContain(results.GetProperty("image").EnumerateArray(), i => i.GetProperty("containerName").GetString() == container);
        }
    }

    [Fact]
    public async Task SecondPush_OfIdenticalBytes_TransfersNothingAndTagsTheSameImage()
    {
        var image = await SifFiles.CreateAsync(library.Files);
        var reference = $"alice/{LibraryServerFixture.UniqueName("dedupe")}/app";
        var first = await harness.RunAsync(library.Url, library.AliceToken, "push", image, reference + ":v1");

        var second = await harness.RunAsync(library.Url, library.AliceToken, "push", image, reference + ":v2");

        Assert.True(first.GetProperty("uploaded").GetBoolean());
        Assert.False(second.GetProperty("uploaded").GetBoolean(), "the server must say the image is already uploaded");
        Assert.DoesNotContain(Requests(second), r => r.Contains("imagefile"));
        Assert.Equal(first.GetProperty("imageId").GetString(), second.GetProperty("imageId").GetString());
        AssertSameImage(image, second, await PullAsync(library.AliceToken, reference + ":v2"));
    }

    [Fact]
    public async Task Push_IntoAnotherUsersEntity_IsRefusedAndCreatesNothing()
    {
        var image = await SifFiles.CreateAsync(library.Files);
        var reference = $"alice/{LibraryServerFixture.UniqueName("intrusion")}/app:latest";

        var push = await harness.TryRunAsync(library.Url, library.BobToken, "push", image, reference);

        Assert.True(push.ExitCode == 1, $"bob's push into alice's entity must be refused: {push}");
        Assert.Contains("403", push.StandardError);
        AssertNotFound(await harness.TryRunAsync(library.Url, library.AliceToken, "get", reference));
    }

    private Task<JsonElement> PullAsync(string? token, string reference, params string[] options) =>
        harness.RunAsync(library.Url, token, ["pull", reference, OutputFile(), .. options]);

    private string OutputFile() => Path.Combine(library.Files, LibraryServerFixture.UniqueName("pulled") + ".sif");

    /// <summary>The pushed file, what the server says it holds, and what came back are the same bytes.</summary>
    private static void AssertSameImage(string file, JsonElement push, JsonElement pull)
    {
        var expected = SifFiles.LibraryHash(file);
        Assert.Equal(expected, push.GetProperty("hash").GetString());
        Assert.Equal(expected, pull.GetProperty("hash").GetString());
        Assert.Equal(expected, pull.GetProperty("sha256").GetString());
        Assert.Equal(new FileInfo(file).Length, pull.GetProperty("size").GetInt64());
        Assert.Equal(push.GetProperty("imageId").GetString(), pull.GetProperty("imageId").GetString());
    }

    private static void AssertNotFound(CommandResult result) =>
        Assert.True(result.ExitCode == LibraryHarness.NotFound, $"expected the client's not-found error: {result}");

    /// <summary>The requests a command made, as "METHOD /path".</summary>
    private static List<string> Requests(JsonElement output) => RequestEntries(output).Select(r => $"{r.Method} {r.Path}").ToList();

    private static List<(string Method, string Path, int Status)> RequestEntries(JsonElement output) =>
        output.GetProperty("requests").EnumerateArray()
            .Select(r => (r.GetProperty("method").GetString()!, r.GetProperty("path").GetString()!, r.GetProperty("status").GetInt32()))
            .ToList();
}
