using System.Net;
using System.Net.Http.Headers;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace SRegistry.Plugins.GoogleBuild.Tests.Storage;

/// <summary>V4 signed URLs: a client without credentials reads or writes exactly one object until the URL expires.</summary>
public sealed class SignedUrlTests(FakeGoogleFixture fixture) : IClassFixture<FakeGoogleFixture>
{
    private readonly string _prefix = $"signed-{Guid.NewGuid():N}/";
    private readonly HttpClient _client = new();

    [Fact]
    public async Task DownloadUrl_ServesTheBlobAndRangesWithoutOtherCredentials()
    {
        await using var host = await Start();
        var store = (IPresignedBlobTransfer)host.BlobStore;
        var content = PseudoRandomStream.Bytes(5000, seed: 31);
        var put = await host.BlobStore.PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);

        var url = await store.GetDownloadUrlAsync(put.Digest, TimeSpan.FromMinutes(10), CancellationToken.None);
        var whole = await _client.GetByteArrayAsync(url);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(100, 199) } };
        using var part = await _client.SendAsync(ranged);

        Assert.Contains("X-Goog-Algorithm=GOOG4-RSA-SHA256", url!.Query);
        Assert.Contains($"X-Goog-Credential={Uri.EscapeDataString(fixture.Account.Email)}%2F", url.Query);
        Assert.Contains("X-Goog-Expires=600&X-Goog-SignedHeaders=host&X-Goog-Signature=", url.Query);
        Assert.Equal(content, whole);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(content[100..200], await part.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task DownloadUrl_ForAnotherObject_IsRefused()
    {
        await using var host = await Start();
        var first = await host.BlobStore.PutAsync(new MemoryStream([1, 2, 3]), BlobExpectation.None, CancellationToken.None);
        var second = await host.BlobStore.PutAsync(new MemoryStream([4, 5, 6]), BlobExpectation.None, CancellationToken.None);
        var url = await ((IPresignedBlobTransfer)host.BlobStore).GetDownloadUrlAsync(first.Digest, TimeSpan.FromMinutes(10), CancellationToken.None);

        using var response = await _client.GetAsync(url!.AbsoluteUri.Replace(first.Digest.Hex, second.Digest.Hex, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DownloadUrl_AfterItsLifetime_IsRefused_AndMissingBlobsGetNone()
    {
        var twoHoursAgo = DateTimeOffset.UtcNow.AddHours(-2);
        await using var host = await Start(services => services.AddSingleton<TimeProvider>(new FixedClock(twoHoursAgo)));
        var put = await host.BlobStore.PutAsync(new MemoryStream([7, 8, 9]), BlobExpectation.None, CancellationToken.None);
        var store = (IPresignedBlobTransfer)host.BlobStore;

        var url = await store.GetDownloadUrlAsync(put.Digest, TimeSpan.FromHours(1), CancellationToken.None);
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await store.GetDownloadUrlAsync(BlobDigest.FromHash(new byte[32]), TimeSpan.FromHours(1), CancellationToken.None));
    }

    [Fact]
    public async Task Upload_ThroughTheSignedUrl_ThenComplete_PublishesTheBlob()
    {
        await using var host = await Start();
        var store = (IPresignedBlobTransfer)host.BlobStore;
        var content = PseudoRandomStream.Bytes(70_000, seed: 32);
        var digest = BlobDigest.FromHash(System.Security.Cryptography.SHA256.HashData(content));

        var upload = await store.CreateUploadAsync(digest, content.Length, TimeSpan.FromMinutes(10), CancellationToken.None);
        using var response = await _client.SendAsync(Put(upload, content));
        var result = await store.CompleteUploadAsync(upload, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new BlobPutResult(BlobPutOutcome.Stored, digest, content.Length), result);
        Assert.Equal(content, fixture.Google.Storage.ReadObject($"{_prefix}blobs/sha256/{digest.Hex}"));
        Assert.DoesNotContain(fixture.Google.Storage.ObjectNames, n => n.StartsWith(_prefix + "uploads/", StringComparison.Ordinal));
        Assert.Equal(BlobPutOutcome.SizeMismatch, (await store.CompleteUploadAsync(upload, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Upload_OfOtherBytes_IsADigestMismatch_AndTooManyBytesAreRefused()
    {
        await using var host = await Start();
        var store = (IPresignedBlobTransfer)host.BlobStore;
        var claimed = BlobDigest.FromHash(System.Security.Cryptography.SHA256.HashData(new byte[100]));

        var upload = await store.CreateUploadAsync(claimed, 100, TimeSpan.FromMinutes(10), CancellationToken.None);
        using var tooLong = await _client.SendAsync(Put(upload, new byte[101]));
        using var other = await _client.SendAsync(Put(upload, Enumerable.Repeat((byte)1, 100).ToArray()));
        var result = await store.CompleteUploadAsync(upload, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(BlobPutOutcome.DigestMismatch, result.Outcome);
        Assert.DoesNotContain(fixture.Google.Storage.ObjectNames, n => n.StartsWith(_prefix, StringComparison.Ordinal));
    }

    private static HttpRequestMessage Put(PresignedUpload upload, byte[] content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, upload.Url) { Content = new ByteArrayContent(content) };
        foreach (var (name, value) in upload.RequiredHeaders) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private Task<PluginTestHost> Start(Action<IServiceCollection>? services = null) =>
        PluginTestHost.StartAsync(PluginTestHost.Settings(fixture.Google, fixture.Account, _prefix), chooseBackend: false, services: services);
}
