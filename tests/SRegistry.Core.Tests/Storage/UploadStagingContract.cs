using System.Security.Cryptography;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Tests.Storage;

/// <summary>
/// What every <see cref="IUploadStaging"/> must do: pieces written in any order at their offsets make
/// one upload, whose bytes are published only when they match. A staging's test class derives from
/// this and says how to create the staging and the store it publishes into.
/// </summary>
public abstract class UploadStagingContract
{
    private const int PieceSize = 1024 * 1024 + 17;
    private (IUploadStaging Staging, IBlobStore Store)? _created;

    /// <summary>Creates the staging under test and the store it publishes into, both empty; called once per test.</summary>
    protected abstract (IUploadStaging Staging, IBlobStore Store) Create();

    protected IUploadStaging Staging => (_created ??= Create()).Staging;

    protected IBlobStore Store => (_created ??= Create()).Store;

    [Fact]
    public async Task Pieces_WrittenInAnyOrder_PublishAsTheWholeWithItsDigest()
    {
        var upload = Guid.NewGuid();
        var content = PseudoRandomStream.Bytes(3 * PieceSize - 5, seed: 11);

        foreach (var piece in new[] { 1, 0, 2 })
        {
            var bytes = content.AsMemory(piece * PieceSize, Math.Min(PieceSize, content.Length - (piece * PieceSize))).ToArray();
            var written = await Staging.WriteAsync(upload, piece * PieceSize, new MemoryStream(bytes), PieceSize, digestPiece: true, CancellationToken.None);
            Assert.Equal(new StagedPiece(DigestOf(bytes), bytes.Length), written);
        }

        Assert.Equal(content.Length, await Staging.LengthAsync(upload, CancellationToken.None));
        var published = await Staging.PublishAsync(upload, content.Length, new BlobExpectation(DigestOf(content)), CancellationToken.None);
        Assert.Equal(new BlobPutResult(BlobPutOutcome.Stored, DigestOf(content), content.Length), published);
        Assert.Equal(content, await ReadAllAsync(published.Digest));
    }

    [Fact]
    public async Task Length_IsTheEndOfTheFurthestPiece()
    {
        var upload = Guid.NewGuid();
        await Staging.WriteAsync(upload, 0, new MemoryStream(PseudoRandomStream.Bytes(100)), 100, digestPiece: false, CancellationToken.None);
        await Staging.WriteAsync(upload, 100, new MemoryStream(PseudoRandomStream.Bytes(50)), 50, digestPiece: false, CancellationToken.None);

        Assert.Equal(150, await Staging.LengthAsync(upload, CancellationToken.None));
        Assert.Equal(0, await Staging.LengthAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Publish_OfPiecesWithAGap_IsNotStored()
    {
        var upload = Guid.NewGuid();
        var content = PseudoRandomStream.Bytes(300, seed: 19);
        await Staging.WriteAsync(upload, 0, new MemoryStream(content[..100]), 100, digestPiece: false, CancellationToken.None);
        await Staging.WriteAsync(upload, 200, new MemoryStream(content[200..]), 100, digestPiece: false, CancellationToken.None);

        var published = await Staging.PublishAsync(upload, content.Length, new BlobExpectation(DigestOf(content)), CancellationToken.None);

        Assert.False(published.Succeeded);
        Assert.Null(await Store.GetInfoAsync(DigestOf(content), CancellationToken.None));
    }

    [Fact]
    public async Task Publish_WithAnotherDigest_IsADigestMismatchAndPublishesNothing()
    {
        var upload = Guid.NewGuid();
        var content = PseudoRandomStream.Bytes(PieceSize, seed: 12);
        await Staging.WriteAsync(upload, 0, new MemoryStream(content), PieceSize, digestPiece: false, CancellationToken.None);
        var claimed = DigestOf(PseudoRandomStream.Bytes(10, seed: 13));

        var published = await Staging.PublishAsync(upload, content.Length, new BlobExpectation(claimed), CancellationToken.None);

        Assert.Equal(BlobPutOutcome.DigestMismatch, published.Outcome);
        Assert.Null(await Store.GetInfoAsync(claimed, CancellationToken.None));
        Assert.Null(await Store.GetInfoAsync(DigestOf(content), CancellationToken.None));
    }

    [Fact]
    public async Task Publish_WithBytesMissing_IsASizeMismatchAndPublishesNothing()
    {
        var upload = Guid.NewGuid();
        var content = PseudoRandomStream.Bytes(2 * PieceSize, seed: 14);
        await Staging.WriteAsync(upload, 0, new MemoryStream(content[..PieceSize]), PieceSize, digestPiece: false, CancellationToken.None);

        var published = await Staging.PublishAsync(upload, content.Length, new BlobExpectation(DigestOf(content)), CancellationToken.None);

        Assert.Equal(BlobPutOutcome.SizeMismatch, published.Outcome);
        Assert.Null(await Store.GetInfoAsync(DigestOf(content), CancellationToken.None));
        Assert.Null(await Store.GetInfoAsync(DigestOf(content[..PieceSize]), CancellationToken.None));
    }

    [Fact]
    public async Task Write_LongerThanTheLimit_SaysSoAndKeepsNothingPastTheLimit()
    {
        var upload = Guid.NewGuid();

        var written = await Staging.WriteAsync(upload, 0, new MemoryStream(PseudoRandomStream.Bytes(PieceSize)), 1000, digestPiece: false, CancellationToken.None);

        Assert.Equal(1001, written.Size);
        Assert.True(await Staging.LengthAsync(upload, CancellationToken.None) <= 1000);
    }

    [Fact]
    public async Task Write_OfARangeAgain_ReplacesIt()
    {
        var upload = Guid.NewGuid();
        var first = PseudoRandomStream.Bytes(PieceSize, seed: 15);
        var second = PseudoRandomStream.Bytes(PieceSize, seed: 16);
        await Staging.WriteAsync(upload, 0, new MemoryStream(first), PieceSize, digestPiece: false, CancellationToken.None);
        await Staging.WriteAsync(upload, 0, new MemoryStream(second), PieceSize, digestPiece: false, CancellationToken.None);

        var published = await Staging.PublishAsync(upload, PieceSize, new BlobExpectation(DigestOf(second)), CancellationToken.None);

        Assert.Equal(BlobPutOutcome.Stored, published.Outcome);
        Assert.Equal(second, await ReadAllAsync(published.Digest));
    }

    [Fact]
    public async Task Publish_OfContentTheStoreHas_IsAlreadyPresent()
    {
        var content = PseudoRandomStream.Bytes(PieceSize, seed: 17);
        await Store.PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);
        var upload = Guid.NewGuid();
        await Staging.WriteAsync(upload, 0, new MemoryStream(content), PieceSize, digestPiece: false, CancellationToken.None);

        var published = await Staging.PublishAsync(upload, PieceSize, new BlobExpectation(DigestOf(content)), CancellationToken.None);

        Assert.Equal(BlobPutOutcome.AlreadyPresent, published.Outcome);
        Assert.Equal(content, await ReadAllAsync(published.Digest));
    }

    [Fact]
    public async Task Write_WhenTheClientDisconnects_Throws_AndTheUploadCannotPublishThosePieces()
    {
        var upload = Guid.NewGuid();
        var content = PseudoRandomStream.Bytes(2 * PieceSize, seed: 18);

        await Assert.ThrowsAsync<IOException>(() => Staging.WriteAsync(upload, 0, new FailingStream(new MemoryStream(content), PieceSize + 10), content.Length, digestPiece: false, CancellationToken.None));

        var published = await Staging.PublishAsync(upload, content.Length, new BlobExpectation(DigestOf(content)), CancellationToken.None);
        Assert.False(published.Succeeded);
        Assert.Null(await Store.GetInfoAsync(DigestOf(content), CancellationToken.None));
    }

    [Fact]
    public async Task Delete_RemovesWhatWasStaged_AndListingNoLongerNamesTheUpload()
    {
        var kept = Guid.NewGuid();
        var deleted = Guid.NewGuid();
        await Staging.WriteAsync(kept, 0, new MemoryStream(PseudoRandomStream.Bytes(10)), 10, digestPiece: false, CancellationToken.None);
        await Staging.WriteAsync(deleted, 0, new MemoryStream(PseudoRandomStream.Bytes(10)), 10, digestPiece: false, CancellationToken.None);
        await Staging.WriteAsync(deleted, 10, new MemoryStream(PseudoRandomStream.Bytes(10)), 10, digestPiece: false, CancellationToken.None);
        Assert.Contains(deleted, await ListAsync());

        await Staging.DeleteAsync(deleted, CancellationToken.None);
        await Staging.DeleteAsync(Guid.NewGuid(), CancellationToken.None);

        var listed = await ListAsync();
        Assert.DoesNotContain(deleted, listed);
        Assert.Contains(kept, listed);
        Assert.Equal(0, await Staging.LengthAsync(deleted, CancellationToken.None));
    }

    protected static BlobDigest DigestOf(byte[] content) => BlobDigest.FromHash(SHA256.HashData(content));

    private async Task<List<Guid>> ListAsync()
    {
        var listed = new List<Guid>();
        await foreach (var upload in Staging.ListAsync(CancellationToken.None))
            listed.Add(upload);
        return listed;
    }

    private async Task<byte[]> ReadAllAsync(BlobDigest digest)
    {
        await using var stream = await Store.OpenReadAsync(digest, 0, null, CancellationToken.None);
        Assert.NotNull(stream);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
