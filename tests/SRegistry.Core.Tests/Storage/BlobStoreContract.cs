using System.Security.Cryptography;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Tests.Storage;

/// <summary>
/// What every <see cref="IBlobStore"/> must do. A store's test class derives from this, says how to
/// create the store and how to count what it keeps, and inherits every case.
/// </summary>
public abstract class BlobStoreContract
{
    private const int SmallSize = 3 * 1024 * 1024 + 123;
    private IBlobStore? _store;

    /// <summary>Creates the store under test, empty; called once per test.</summary>
    protected abstract IBlobStore CreateStore();

    /// <summary>Counts temporary objects (unfinished uploads) the store holds.</summary>
    protected abstract Task<int> CountTemporaryObjectsAsync();

    /// <summary>Counts published blob objects the store holds.</summary>
    protected abstract Task<int> CountBlobObjectsAsync();

    protected IBlobStore Store => _store ??= CreateStore();

    [Fact]
    public async Task Put_ThenRead_ReturnsIdenticalBytes()
    {
        var content = PseudoRandomStream.Bytes(SmallSize);

        var result = await Store.PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);

        Assert.Equal(new BlobPutResult(BlobPutOutcome.Stored, DigestOf(content), content.Length), result);
        Assert.Equal(content, await ReadAllAsync(result.Digest, 0, null));
        Assert.Equal(0, await CountTemporaryObjectsAsync());
    }

    [Fact]
    public async Task Put_WithMatchingExpectation_Stores()
    {
        var content = PseudoRandomStream.Bytes(SmallSize, seed: 2);

        var result = await Store.PutAsync(new MemoryStream(content), new BlobExpectation(DigestOf(content), content.Length), CancellationToken.None);

        Assert.Equal(BlobPutOutcome.Stored, result.Outcome);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Put_EmptyContent_StoresTheEmptyBlob()
    {
        var result = await Store.PutAsync(new MemoryStream(), BlobExpectation.None, CancellationToken.None);

        Assert.Equal(BlobDigest.Parse("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), result.Digest);
        Assert.Equal(BlobPutOutcome.Stored, result.Outcome);
        Assert.Empty(await ReadAllAsync(result.Digest, 0, null));
    }

    [Fact]
    public async Task Put_OneGibibyte_StreamsThroughAndReadsBackIdentical()
    {
        const long size = 1L << 30;
        BlobDigest expected;
        using (var sha = SHA256.Create()) expected = BlobDigest.FromHash(await sha.ComputeHashAsync(new PseudoRandomStream(size, seed: 3)));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var result = await Store.PutAsync(new PseudoRandomStream(size, seed: 3), new BlobExpectation(expected, size), CancellationToken.None);
        BlobDigest readBack;
        await using (var stream = await Store.OpenReadAsync(expected, 0, null, CancellationToken.None))
        using (var sha = SHA256.Create())
            readBack = BlobDigest.FromHash(await sha.ComputeHashAsync(stream!));

        Assert.Equal(new BlobPutResult(BlobPutOutcome.Stored, expected, size), result);
        Assert.Equal(expected, readBack);
        Assert.Equal(size, (await Store.GetInfoAsync(expected, CancellationToken.None))!.Size);
        // A store that buffered the content would allocate at least the gibibyte it received. The
        // count is process-wide and other tests run alongside, hence the generous half-gibibyte bound.
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, 0, 512L << 20);
    }

    [Fact]
    public async Task Put_SameContentTwice_SecondIsAlreadyPresentAndOneBlobRemains()
    {
        var content = PseudoRandomStream.Bytes(SmallSize, seed: 4);

        var first = await Store.PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);
        var second = await Store.PutAsync(new MemoryStream(content), new BlobExpectation(DigestOf(content), content.Length), CancellationToken.None);

        Assert.Equal(BlobPutOutcome.Stored, first.Outcome);
        Assert.Equal(new BlobPutResult(BlobPutOutcome.AlreadyPresent, first.Digest, content.Length), second);
        Assert.True(second.Succeeded);
        Assert.Equal(1, await CountBlobObjectsAsync());
        Assert.Equal(0, await CountTemporaryObjectsAsync());
    }

    [Fact]
    public async Task Put_OtherContentClaimingAPresentDigest_IsADigestMismatchAndKeepsTheBlob()
    {
        var original = PseudoRandomStream.Bytes(SmallSize, seed: 15);
        var impostor = PseudoRandomStream.Bytes(SmallSize, seed: 16);
        await Store.PutAsync(new MemoryStream(original), BlobExpectation.None, CancellationToken.None);

        var result = await Store.PutAsync(new MemoryStream(impostor), new BlobExpectation(DigestOf(original), impostor.Length), CancellationToken.None);

        Assert.Equal(new BlobPutResult(BlobPutOutcome.DigestMismatch, DigestOf(impostor), impostor.Length), result);
        Assert.Equal(original, await ReadAllAsync(DigestOf(original), 0, null));
        Assert.Null(await Store.GetInfoAsync(DigestOf(impostor), CancellationToken.None));
        Assert.Equal(1, await CountBlobObjectsAsync());
        Assert.Equal(0, await CountTemporaryObjectsAsync());
    }

    [Fact]
    public async Task Put_WithWrongDigest_ReportsDigestMismatchAndLeavesNothing()
    {
        var content = PseudoRandomStream.Bytes(SmallSize, seed: 5);
        var claimed = DigestOf(PseudoRandomStream.Bytes(100, seed: 6));

        var result = await Store.PutAsync(new MemoryStream(content), new BlobExpectation(claimed, content.Length), CancellationToken.None);

        Assert.Equal(new BlobPutResult(BlobPutOutcome.DigestMismatch, DigestOf(content), content.Length), result);
        Assert.False(result.Succeeded);
        await AssertNothingStoredAsync(DigestOf(content), claimed);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(-1024 * 1024)]
    public async Task Put_WithWrongSize_ReportsSizeMismatchAndLeavesNothing(int error)
    {
        var content = PseudoRandomStream.Bytes(SmallSize, seed: 7);

        var result = await Store.PutAsync(new MemoryStream(content), new BlobExpectation(DigestOf(content), content.Length + error), CancellationToken.None);

        Assert.Equal(BlobPutOutcome.SizeMismatch, result.Outcome);
        Assert.NotEqual(content.Length + error, result.Size);
        await AssertNothingStoredAsync(DigestOf(content));
    }

    [Fact]
    public async Task Put_WhenTheClientDisconnects_ThrowsAndLeavesNothing()
    {
        var content = PseudoRandomStream.Bytes(SmallSize, seed: 8);
        var stream = new FailingStream(new MemoryStream(content), failAfter: 1536 * 1024);

        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync(stream, new BlobExpectation(DigestOf(content), content.Length), CancellationToken.None));

        await AssertNothingStoredAsync(DigestOf(content));
    }

    [Fact]
    public async Task Put_WhenCancelled_ThrowsAndLeavesNothing()
    {
        var content = PseudoRandomStream.Bytes(SmallSize, seed: 9);
        using var cancellation = new CancellationTokenSource();
        var stream = new CancellingStream(new MemoryStream(content), cancelAfter: 1536 * 1024, cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.PutAsync(stream, BlobExpectation.None, cancellation.Token));

        await AssertNothingStoredAsync(DigestOf(content));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Put_IdenticalContentConcurrently_StoresItOnce(int uploads)
    {
        var store = Store;
        // The race is at the publishing instant, so repeat it; the content size does not matter.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var content = PseudoRandomStream.Bytes(256 * 1024 + attempt, seed: 100 + (ulong)attempt);
            // Every upload waits for the others after receiving the last byte, so all of them publish at the same moment.
            var rendezvous = new Rendezvous(uploads);

            var results = await Task.WhenAll(Enumerable.Range(0, uploads).Select(_ => Task.Run(() =>
                store.PutAsync(new RendezvousStream(new MemoryStream(content), content.Length, rendezvous), BlobExpectation.None, CancellationToken.None))));

            Assert.Single(results, r => r.Outcome == BlobPutOutcome.Stored);
            Assert.All(results, r => Assert.True(r.Succeeded));
            Assert.All(results, r => Assert.Equal(DigestOf(content), r.Digest));
            Assert.Equal(attempt + 1, await CountBlobObjectsAsync());
            Assert.Equal(0, await CountTemporaryObjectsAsync());
            Assert.Equal(content, await ReadAllAsync(DigestOf(content), 0, null));
        }
    }

    [Theory]
    [InlineData(0, null, 0, 10_000)]
    [InlineData(1_000, null, 1_000, 9_000)]
    [InlineData(1_000, 500L, 1_000, 500)]
    [InlineData(9_990, 100L, 9_990, 10)]
    [InlineData(10_000, null, 10_000, 0)]
    [InlineData(20_000, 5L, 10_000, 0)]
    [InlineData(0, 0L, 0, 0)]
    public async Task OpenRead_WithARange_ReturnsThoseBytesAndStopsAtTheEnd(long offset, long? length, int expectedStart, int expectedLength)
    {
        var content = PseudoRandomStream.Bytes(10_000, seed: 11);
        var put = await Store.PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);

        var bytes = await ReadAllAsync(put.Digest, offset, length);

        Assert.Equal(content.AsSpan(expectedStart, expectedLength).ToArray(), bytes);
    }

    [Fact]
    public async Task GetInfo_ReturnsSizeAndCreationTime()
    {
        var content = PseudoRandomStream.Bytes(4321, seed: 12);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var put = await Store.PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);

        var info = await Store.GetInfoAsync(put.Digest, CancellationToken.None);

        Assert.NotNull(info);
        Assert.Equal(put.Digest, info.Digest);
        Assert.Equal(4321, info.Size);
        Assert.InRange(info.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Delete_RemovesTheBlob_AndItCanBeStoredAgain()
    {
        var content = PseudoRandomStream.Bytes(4321, seed: 13);
        var put = await Store.PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);

        Assert.True(await Store.DeleteAsync(put.Digest, CancellationToken.None));
        Assert.False(await Store.DeleteAsync(put.Digest, CancellationToken.None));
        Assert.Null(await Store.GetInfoAsync(put.Digest, CancellationToken.None));
        Assert.Null(await Store.OpenReadAsync(put.Digest, 0, null, CancellationToken.None));
        Assert.Equal(0, await CountBlobObjectsAsync());

        var again = await Store.PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);
        Assert.Equal(BlobPutOutcome.Stored, again.Outcome);
    }

    [Fact]
    public async Task MissingBlob_IsNullOrFalseEverywhere()
    {
        var missing = DigestOf(PseudoRandomStream.Bytes(64, seed: 14));

        Assert.Null(await Store.OpenReadAsync(missing, 0, null, CancellationToken.None));
        Assert.Null(await Store.OpenReadAsync(missing, 10, 10, CancellationToken.None));
        Assert.Null(await Store.GetInfoAsync(missing, CancellationToken.None));
        Assert.False(await Store.DeleteAsync(missing, CancellationToken.None));
    }

    protected static BlobDigest DigestOf(byte[] content) => BlobDigest.FromHash(SHA256.HashData(content));

    protected async Task<byte[]> ReadAllAsync(BlobDigest digest, long offset, long? length)
    {
        await using var stream = await Store.OpenReadAsync(digest, offset, length, CancellationToken.None);
        Assert.NotNull(stream);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task AssertNothingStoredAsync(params BlobDigest[] digests)
    {
        foreach (var digest in digests) Assert.Null(await Store.GetInfoAsync(digest, CancellationToken.None));
        Assert.Equal(0, await CountBlobObjectsAsync());
        Assert.Equal(0, await CountTemporaryObjectsAsync());
    }
}
