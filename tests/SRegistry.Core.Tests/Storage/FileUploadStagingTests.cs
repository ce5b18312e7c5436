using SRegistry.Abstractions.Storage;
using SRegistry.Core.Storage;

namespace SRegistry.Core.Tests.Storage;

/// <summary>Uploads staged in a directory and adopted by the filesystem store: the contract, and what adoption adds.</summary>
public sealed class FileUploadStagingTests : UploadStagingContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sregistry-staging-" + Guid.NewGuid().ToString("N"));

    private string Uploads => Path.Combine(_root, "uploads");

    protected override (IUploadStaging Staging, IBlobStore Store) Create()
    {
        var store = new FileSystemBlobStore(new FileSystemBlobStoreOptions { Path = Path.Combine(_root, "blobs") });
        return (new FileUploadStaging(Uploads, store), store);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Publish_IntoTheFileSystemStore_MovesTheStagedFileInsteadOfCopyingIt()
    {
        var upload = Guid.NewGuid();
        var content = PseudoRandomStream.Bytes(100_000, seed: 21);
        await Staging.WriteAsync(upload, 0, new MemoryStream(content), content.Length, digestPiece: false, CancellationToken.None);
        var staged = Path.Combine(Uploads, upload.ToString("N"), "data");
        var stagedAt = File.GetLastWriteTimeUtc(staged);

        var published = await Staging.PublishAsync(upload, content.Length, new BlobExpectation(DigestOf(content)), CancellationToken.None);

        var blob = Path.Combine(_root, "blobs", "blobs", "sha256", published.Digest.Hex[..2], published.Digest.Hex);
        Assert.Equal(BlobPutOutcome.Stored, published.Outcome);
        Assert.False(File.Exists(staged));
        Assert.Equal(stagedAt, File.GetLastWriteTimeUtc(blob));
        Assert.Equal(content, await File.ReadAllBytesAsync(blob));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(blob));
    }

    [Fact]
    public async Task Publish_OfPiecesThisInstanceReceivedInOrder_TrustsTheHashTakenOnTheWay_InsteadOfReadingTheFile()
    {
        var upload = Guid.NewGuid();
        var content = PseudoRandomStream.Bytes(3 * 1024 * 1024 + 5, seed: 23);
        await WriteInPiecesAsync(Staging, upload, content, 0, 1024 * 1024);
        await WriteInPiecesAsync(Staging, upload, content, 1024 * 1024, content.Length);

        // Changed behind the staging's back, which only the trusted hash does not notice.
        var staged = Path.Combine(Uploads, upload.ToString("N"), "data");
        await using (var file = File.OpenWrite(staged)) file.WriteByte((byte)~content[0]);
        var published = await Staging.PublishAsync(upload, content.Length, new BlobExpectation(DigestOf(content)), CancellationToken.None);

        Assert.Equal(new BlobPutResult(BlobPutOutcome.Stored, DigestOf(content), content.Length), published);
    }

    [Fact]
    public async Task Publish_AfterAnotherInstanceWroteARangeAgain_ChecksTheBytesItPublishes()
    {
        // Two PATCHes for one offset, through two instances: this instance's hash is of bytes the file no longer holds.
        var other = new FileUploadStaging(Uploads, Store);
        var upload = Guid.NewGuid();
        var first = PseudoRandomStream.Bytes(2 * 1024 * 1024, seed: 24);
        var mine = PseudoRandomStream.Bytes(1024 * 1024, seed: 25);
        var theirs = PseudoRandomStream.Bytes(1024 * 1024, seed: 26);
        await Staging.WriteAsync(upload, 0, new MemoryStream(first), first.Length, digestPiece: false, CancellationToken.None);
        await Staging.WriteAsync(upload, first.Length, new MemoryStream(mine), mine.Length, digestPiece: false, CancellationToken.None);
        await other.WriteAsync(upload, first.Length, new MemoryStream(theirs), theirs.Length, digestPiece: false, CancellationToken.None);

        var published = await Staging.PublishAsync(upload, first.Length + mine.Length, new BlobExpectation(DigestOf([.. first, .. mine])), CancellationToken.None);

        Assert.Equal(new BlobPutResult(BlobPutOutcome.DigestMismatch, DigestOf([.. first, .. theirs]), first.Length + theirs.Length), published);
        Assert.Null(await Store.GetInfoAsync(DigestOf([.. first, .. mine]), CancellationToken.None));
    }

    [Fact]
    public async Task Publish_OfPiecesSentInOrderThroughTwoInstances_IsTheWhole()
    {
        var other = new FileUploadStaging(Uploads, Store);
        var upload = Guid.NewGuid();
        var content = PseudoRandomStream.Bytes(3 * 1024 * 1024 + 7, seed: 27);
        await WriteInPiecesAsync(Staging, upload, content, 0, 1024 * 1024);
        await WriteInPiecesAsync(other, upload, content, 1024 * 1024, 2 * 1024 * 1024);
        await WriteInPiecesAsync(Staging, upload, content, 2 * 1024 * 1024, content.Length);

        var published = await Staging.PublishAsync(upload, content.Length, new BlobExpectation(DigestOf(content)), CancellationToken.None);

        Assert.Equal(BlobPutOutcome.Stored, published.Outcome);
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(_root, "blobs", "blobs", "sha256", published.Digest.Hex[..2], published.Digest.Hex)));
    }

    // Writes content[from..to) in pieces of 300,001 bytes, one after the other.
    private static async Task WriteInPiecesAsync(IUploadStaging staging, Guid upload, byte[] content, int from, int to)
    {
        for (var at = from; at < to; at += 300_001)
        {
            var piece = content[at..Math.Min(to, at + 300_001)];
            await staging.WriteAsync(upload, at, new MemoryStream(piece), piece.Length, digestPiece: false, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Publish_WhileAPieceIsStillArriving_IsRefused_AndSucceedsOnceItArrived()
    {
        var upload = Guid.NewGuid();
        var content = PseudoRandomStream.Bytes(4 * 1024 * 1024, seed: 22);
        var paused = new Rendezvous(2);
        var resume = new Rendezvous(2);
        var writing = Staging.WriteAsync(upload, 0, new RendezvousStream(new RendezvousStream(new MemoryStream(content), 2 * 1024 * 1024, resume), 1024 * 1024, paused), content.Length, digestPiece: false, CancellationToken.None);
        await paused.ArriveAsync();

        var refusal = await Assert.ThrowsAsync<UploadStagingException>(() => Staging.PublishAsync(upload, content.Length, new BlobExpectation(DigestOf(content)), CancellationToken.None));
        Assert.Contains("still arriving", refusal.Message, StringComparison.Ordinal);
        await resume.ArriveAsync();
        await writing;

        var published = await Staging.PublishAsync(upload, content.Length, new BlobExpectation(DigestOf(content)), CancellationToken.None);
        Assert.Equal(BlobPutOutcome.Stored, published.Outcome);
    }
}

/// <summary>Uploads staged in a directory for a store that is not on the filesystem: the file is streamed in.</summary>
public sealed class FileUploadStagingIntoAnotherStoreTests : UploadStagingContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sregistry-staging-" + Guid.NewGuid().ToString("N"));

    protected override (IUploadStaging Staging, IBlobStore Store) Create()
    {
        var store = new WrappedBlobStore(new FileSystemBlobStore(new FileSystemBlobStoreOptions { Path = Path.Combine(_root, "blobs") }));
        return (new FileUploadStaging(Path.Combine(_root, "uploads"), store), store);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    // Any store but the filesystem one, so the staging cannot adopt its file.
    private sealed class WrappedBlobStore(IBlobStore inner) : IBlobStore
    {
        public Task<BlobPutResult> PutAsync(Stream content, BlobExpectation expected, CancellationToken cancellationToken) => inner.PutAsync(content, expected, cancellationToken);

        public Task<Stream?> OpenReadAsync(BlobDigest digest, long offset, long? length, CancellationToken cancellationToken) => inner.OpenReadAsync(digest, offset, length, cancellationToken);

        public Task<BlobInfo?> GetInfoAsync(BlobDigest digest, CancellationToken cancellationToken) => inner.GetInfoAsync(digest, cancellationToken);

        public Task<bool> DeleteAsync(BlobDigest digest, CancellationToken cancellationToken) => inner.DeleteAsync(digest, cancellationToken);
    }
}
