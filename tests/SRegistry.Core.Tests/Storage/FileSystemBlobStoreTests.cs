using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Storage;

namespace SRegistry.Core.Tests.Storage;

public sealed class FileSystemBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sregistry-blobs-" + Guid.NewGuid().ToString("N"));

    protected override IBlobStore CreateStore() => new FileSystemBlobStore(new FileSystemBlobStoreOptions { Path = _root });

    protected override Task<int> CountTemporaryObjectsAsync() =>
        Task.FromResult(Directory.GetFileSystemEntries(Path.Combine(_root, "tmp")).Length);

    protected override Task<int> CountBlobObjectsAsync() =>
        Task.FromResult(Directory.GetFiles(Path.Combine(_root, "blobs"), "*", SearchOption.AllDirectories).Length);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Put_PublishesAReadOnlyFileUnderItsShardedDigest()
    {
        var content = PseudoRandomStream.Bytes(1000);

        var put = await Store.PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);

        var file = Path.Combine(_root, "blobs", "sha256", put.Digest.Hex[..2], put.Digest.Hex);
        Assert.Equal(content, await File.ReadAllBytesAsync(file));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(file));
    }

    [Fact]
    public async Task OpenRead_ARange_IsASeekableStreamOfTheRangesLength()
    {
        var content = PseudoRandomStream.Bytes(10_000);
        var put = await Store.PutAsync(new MemoryStream(content), BlobExpectation.None, CancellationToken.None);

        await using var stream = (await Store.OpenReadAsync(put.Digest, 1_000, 2_000, CancellationToken.None))!;
        stream.Seek(-10, SeekOrigin.End);
        var tail = new byte[100];
        var read = stream.Read(tail);

        Assert.True(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Equal(2_000, stream.Length);
        Assert.Equal(10, read);
        Assert.Equal(content.AsSpan(2_990, 10).ToArray(), tail[..read]);
        stream.Position = 0;
        Assert.Equal(content[1_000], (byte)stream.ReadByte());
    }

    [Fact]
    public async Task Put_LargerThanTheExpectedSize_StopsWritingAtTheLimit()
    {
        var size = 64L << 20;

        var result = await Store.PutAsync(new PseudoRandomStream(size), new BlobExpectation(Size: 1), CancellationToken.None);

        Assert.Equal(BlobPutOutcome.SizeMismatch, result.Outcome);
        Assert.True(result.Size < size);
    }

    [Fact]
    public void Constructor_RemovesTemporaryFilesAbandonedForADay_AndKeepsRecentOnes()
    {
        var tmp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(tmp);
        File.WriteAllText(Path.Combine(tmp, "abandoned"), "x");
        File.SetLastWriteTimeUtc(Path.Combine(tmp, "abandoned"), DateTime.UtcNow.AddDays(-2));
        File.WriteAllText(Path.Combine(tmp, "in-progress"), "x");

        _ = Store;

        Assert.Equal([Path.Combine(tmp, "in-progress")], Directory.GetFiles(tmp));
    }

    [Fact]
    public void Constructor_WithoutAPath_SaysWhatIsMissing()
    {
        var error = Assert.Throws<ArgumentException>(() => new FileSystemBlobStore(new FileSystemBlobStoreOptions()));

        Assert.Contains("Path", error.Message);
    }

    [Fact]
    public void AddFileSystemBlobStore_RegistersTheFilesystemProvider()
    {
        using var services = new ServiceCollection()
            .AddFileSystemBlobStore(new FileSystemBlobStoreOptions { Path = _root })
            .BuildServiceProvider();

        var provider = Assert.Single(services.GetServices<BlobStoreProvider>());

        Assert.Equal("filesystem", provider.Key);
        Assert.IsType<FileSystemBlobStore>(provider.Create(services));
    }
}
