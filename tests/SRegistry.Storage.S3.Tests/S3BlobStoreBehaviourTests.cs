using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Tests.Storage;
using SRegistry.Storage.S3.Tests.Moto;

namespace SRegistry.Storage.S3.Tests;

/// <summary>What the S3 store does beyond the contract: its publishing paths, presigned transfers, options.</summary>
[Collection(MotoCollection.Name)]
public sealed class S3BlobStoreBehaviourTests(MotoFixture moto)
{
    private const int PartSize = (int)S3BlobStoreOptions.MinimumPartSize;
    private readonly string _prefix = "b-" + Guid.NewGuid().ToString("N") + "/";

    private S3BlobStore Store(long partSize = PartSize) =>
        new(S3ClientFactory.Create(moto.Server.OptionsFor(_prefix, partSize)), moto.Server.OptionsFor(_prefix, partSize));

    [Fact]
    public async Task Put_SeveralPartsOfUnknownDigest_GoesThroughTmpAndPublishesByServerSideCopy()
    {
        var content = PseudoRandomStream.Bytes(2 * PartSize + 4321, seed: 21);

        var put = await Store().PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);
        var (keys, uploads) = await moto.Server.ListAsync(_prefix);

        Assert.Equal(BlobPutOutcome.Stored, put.Outcome);
        Assert.Equal([$"{_prefix}blobs/sha256/{put.Digest.Hex}"], keys);
        Assert.Equal(0, uploads);
        await using var read = await Store().OpenReadAsync(put.Digest, 0, null, CancellationToken.None);
        var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Put_SeveralPartsWithWrongDigest_AbortsTheMultipartUploadAndLeavesNothing()
    {
        var content = PseudoRandomStream.Bytes(2 * PartSize + 1, seed: 22);
        var claimed = BlobDigest.FromHash(SHA256.HashData("something else"u8));

        var put = await Store().PutAsync(new MemoryStream(content), new BlobExpectation(claimed, content.Length), CancellationToken.None);
        var (keys, uploads) = await moto.Server.ListAsync(_prefix);

        Assert.Equal(BlobPutOutcome.DigestMismatch, put.Outcome);
        Assert.Empty(keys);
        Assert.Equal(0, uploads);
    }

    [Fact]
    public async Task OpenRead_IsSeekable_SoHttpRangeProcessingCanServeAnyWindow()
    {
        var content = PseudoRandomStream.Bytes(100_000, seed: 23);
        var put = await Store().PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);

        await using var stream = (await Store().OpenReadAsync(put.Digest, 1_000, 50_000, CancellationToken.None))!;
        stream.Seek(-10, SeekOrigin.End);
        var tail = new byte[100];
        var read = await stream.ReadAsync(tail);
        stream.Position = 5;
        var head = new byte[3];
        await stream.ReadExactlyAsync(head);

        Assert.True(stream.CanSeek);
        Assert.Equal(50_000, stream.Length);
        Assert.Equal(content.AsSpan(50_990, 10).ToArray(), tail[..read]);
        Assert.Equal(content.AsSpan(1_005, 3).ToArray(), head);
    }

    [Fact]
    public async Task PresignedDownload_ServesTheBlobAndItsRangesWithoutCredentials()
    {
        var content = PseudoRandomStream.Bytes(10_000, seed: 24);
        var put = await Store().PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);
        var missing = BlobDigest.FromHash(SHA256.HashData("missing"u8));

        var url = await Store().GetDownloadUrlAsync(put.Digest, TimeSpan.FromMinutes(5), CancellationToken.None);
        using var http = new HttpClient();
        using var ranged = new HttpRequestMessage(HttpMethod.Get, url);
        ranged.Headers.Range = new RangeHeaderValue(100, 199);
        using var part = await http.SendAsync(ranged);

        Assert.Equal(content, await http.GetByteArrayAsync(url));
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(content[100..200], await part.Content.ReadAsByteArrayAsync());
        Assert.Null(await Store().GetDownloadUrlAsync(missing, TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task PresignedUpload_OfTheRightBytes_IsPublishedOnComplete_AndOnlyOnce()
    {
        var content = PseudoRandomStream.Bytes(70_000, seed: 25);
        var digest = BlobDigest.FromHash(SHA256.HashData(content));
        var upload = await Store().CreateUploadAsync(digest, content.Length, TimeSpan.FromMinutes(5), CancellationToken.None);

        using var http = new HttpClient();
        using var sent = await http.PutAsync(upload.Url, new ByteArrayContent(content));
        var completed = await Store().CompleteUploadAsync(upload, CancellationToken.None);
        var again = await Store().CompleteUploadAsync(upload, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(new BlobPutResult(BlobPutOutcome.Stored, digest, content.Length), completed);
        Assert.False(again.Succeeded);
        Assert.Equal([$"{_prefix}blobs/sha256/{digest.Hex}"], (await moto.Server.ListAsync(_prefix)).Keys);
    }

    [Fact]
    public async Task PresignedUpload_OfOtherBytes_IsADigestMismatchAndLeavesNothing()
    {
        var content = PseudoRandomStream.Bytes(70_000, seed: 26);
        var claimed = BlobDigest.FromHash(SHA256.HashData(PseudoRandomStream.Bytes(70_000, seed: 27)));
        var upload = await Store().CreateUploadAsync(claimed, content.Length, TimeSpan.FromMinutes(5), CancellationToken.None);

        using var http = new HttpClient();
        (await http.PutAsync(upload.Url, new ByteArrayContent(content))).EnsureSuccessStatusCode();
        var completed = await Store().CompleteUploadAsync(upload, CancellationToken.None);

        Assert.Equal(BlobPutOutcome.DigestMismatch, completed.Outcome);
        Assert.Equal(BlobDigest.FromHash(SHA256.HashData(content)), completed.Digest);
        Assert.Empty((await moto.Server.ListAsync(_prefix)).Keys);
    }

    [Theory]
    [InlineData("Bucket", "", "Storage:S3:Bucket")]
    [InlineData("ServiceUrl", "minio:9000", "Storage:S3:ServiceUrl")]
    [InlineData("AccessKeyId", "only-half", "Storage:S3:SecretAccessKey")]
    [InlineData("PartSize", "1024", "Storage:S3:PartSize")]
    [InlineData("UrlLifetime", "8.00:00:00", "Storage:S3:UrlLifetime")]
    public void Options_ThatCannotWork_AreRefusedNamingTheSetting(string property, string value, string named)
    {
        var options = moto.Server.OptionsFor(_prefix);
        options.SecretAccessKey = property == "AccessKeyId" ? "" : options.SecretAccessKey;
        var target = typeof(S3BlobStoreOptions).GetProperty(property)!;
        target.SetValue(options, target.PropertyType == typeof(long) ? long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : target.PropertyType == typeof(TimeSpan) ? TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        var result = new S3BlobStoreOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage);
    }
}
