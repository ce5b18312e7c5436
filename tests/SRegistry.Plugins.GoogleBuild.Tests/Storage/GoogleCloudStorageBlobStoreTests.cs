using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Tests.Storage;
using SRegistry.Plugins.GoogleBuild.Tests.Fakes;

namespace SRegistry.Plugins.GoogleBuild.Tests.Storage;

/// <summary>What the Cloud Storage store sends on the wire, and its credentials.</summary>
public sealed class GoogleCloudStorageBlobStoreTests(FakeGoogleFixture fixture) : IClassFixture<FakeGoogleFixture>
{
    private readonly string _prefix = $"wire-{Guid.NewGuid():N}/";

    private FakeGoogleServer Google => fixture.Google;

    [Fact]
    public async Task Put_StreamsAResumableUploadInChunks_ThenCopiesToTheBlobNameWithoutOverwriting()
    {
        await using var host = await PluginTestHost.StartAsync(PluginTestHost.Settings(Google, fixture.Account, _prefix), chooseBackend: false);
        var content = PseudoRandomStream.Bytes(2 * 1024 * 1024 + 1000, seed: 21);
        var hex = Convert.ToHexStringLower(SHA256.HashData(content));

        var result = await host.BlobStore.PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);

        Assert.Equal(BlobPutOutcome.Stored, result.Outcome);
        var requests = Google.Requests.Where(r => r.Target.Contains(Uri.EscapeDataString(_prefix), StringComparison.Ordinal) || r.Target.Contains("upload_id=", StringComparison.Ordinal)).ToList();
        var start = requests[0];
        Assert.Equal("POST", start.Method);
        Assert.StartsWith($"/upload/storage/v1/b/test-bucket/o?uploadType=resumable&name={Uri.EscapeDataString(_prefix + "uploads/")}", start.Target);
        Assert.Equal("application/octet-stream", start.Headers["x-upload-content-type"]);
        var temporary = Uri.UnescapeDataString(start.Query.Split("name=")[1]);
        Assert.Equal(temporary, JsonNode.Parse(start.Body)!["name"]!.GetValue<string>());

        var chunks = requests.Where(r => r.Method == "PUT").Select(r => r.Headers["content-range"]).ToList();
        Assert.Equal(["bytes 0-1048575/*", "bytes 1048576-2097151/*", $"bytes 2097152-{content.Length - 1}/{content.Length}"], chunks);

        var copy = Assert.Single(requests, r => r.Path.Contains("/rewriteTo/", StringComparison.Ordinal));
        Assert.Equal("POST", copy.Method);
        Assert.Equal($"/storage/v1/b/test-bucket/o/{Uri.EscapeDataString(temporary)}/rewriteTo/b/test-bucket/o/{Uri.EscapeDataString(_prefix + "blobs/sha256/" + hex)}", copy.Path);
        Assert.StartsWith("ifGenerationMatch=0&ifSourceGenerationMatch=", copy.Query);
        var delete = requests[^1];
        Assert.Equal(("DELETE", $"/storage/v1/b/test-bucket/o/{Uri.EscapeDataString(temporary)}"), (delete.Method, delete.Target));

        Assert.All(requests, r => Assert.True(Google.IsIssuedToken(r.Authorization), $"{r.Method} {r.Target} carried '{r.Authorization}'"));
        Assert.Equal(content, Google.Storage.ReadObject(_prefix + "blobs/sha256/" + hex));
    }

    [Fact]
    public async Task Put_WhenTheServerKeepsLessThanItWasSent_ResendsTheRestAndStoresIdenticalBytes()
    {
        await using var google = await FakeGoogleServer.StartAsync();
        using var account = google.CreateTrustedAccount();
        google.Storage.PersistLessThanSent = true;
        await using var host = await PluginTestHost.StartAsync(PluginTestHost.Settings(google, account), chooseBackend: false);
        var content = PseudoRandomStream.Bytes(3 * 1024 * 1024 + 5, seed: 22);

        var result = await host.BlobStore.PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);

        Assert.Equal(BlobPutOutcome.Stored, result.Outcome);
        Assert.Equal(content, google.Storage.ReadObject("blobs/sha256/" + result.Digest.Hex));
        var ranges = google.Requests.Where(r => r.Method == "PUT").Select(r => r.Headers["content-range"]).ToList();
        Assert.Equal("bytes 786432-1835007/*", ranges[1]);
    }

    [Fact]
    public async Task Put_SignedWithAKeyGoogleDoesNotKnow_FailsAtTheTokenEndpointAndStoresNothing()
    {
        using var impostor = new TestServiceAccount(Google.TokenUri, fixture.Account.Email);
        await using var host = await PluginTestHost.StartAsync(PluginTestHost.Settings(Google, impostor, _prefix), chooseBackend: false);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.BlobStore.PutAsync(new MemoryStream([1, 2, 3]), BlobExpectation.None, CancellationToken.None));

        Assert.Contains("Invalid JWT Signature", failure.Message);
        Assert.DoesNotContain(Google.Storage.ObjectNames, n => n.StartsWith(_prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoKeyFile_TakesTokensFromTheMetadataServer()
    {
        await using var host = await PluginTestHost.StartAsync(PluginTestHost.Settings(Google, account: null, _prefix), chooseBackend: false);
        var issuedBefore = Google.MetadataTokensIssued;

        var missing = await host.BlobStore.GetInfoAsync(BlobDigest.FromHash(SHA256.HashData([9])), CancellationToken.None);

        Assert.Null(missing);
        Assert.Equal(issuedBefore + 1, Google.MetadataTokensIssued);
        var lookup = Google.Requests.Last(r => r.Path.StartsWith("/storage/v1/", StringComparison.Ordinal));
        Assert.True(Google.IsIssuedToken(lookup.Authorization));
    }
}
