using System.Security.Cryptography;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Storage;

namespace SRegistry.Core.Tests.Storage;

/// <summary>
/// Whole aligned chunks go to the disk directly and the rest through the page cache; whichever way a
/// byte went, the file must hold exactly what arrived, where it was meant to go.
/// </summary>
public sealed class FileReceiverTests : IDisposable
{
    private const int Chunk = 4 << 20;
    private readonly string _directory = Directory.CreateTempSubdirectory("sregistry-receiver-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(Chunk - 1)]
    [InlineData(Chunk)]
    [InlineData(Chunk + 1)]
    [InlineData(2 * Chunk + 4096 + 17)]
    public async Task AnySize_IsWrittenAndHashedExactly(int size)
    {
        var content = PseudoRandomStream.Bytes(size);
        var path = Path.Combine(_directory, "data");

        var (digest, received) = await ReceiveAtAsync(path, 0, new MemoryStream(content), sizeLimit: null);

        Assert.Equal(size, received);
        Assert.Equal(DigestOf(content), digest);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task PiecesAtUnalignedAndAlignedOffsets_InAnyOrder_MakeTheWholeFile()
    {
        var whole = PseudoRandomStream.Bytes(3 * Chunk + 5000);
        var path = Path.Combine(_directory, "data");
        (int Offset, int Length)[] pieces = [(2 * Chunk, Chunk + 5000), (0, 5000), (5000, 2 * Chunk - 5000)];

        foreach (var (offset, length) in pieces)
        {
            var (digest, received) = await ReceiveAtAsync(path, offset, new MemoryStream(whole, offset, length), sizeLimit: null);
            Assert.Equal(length, received);
            Assert.Equal(DigestOf(whole.AsSpan(offset, length)), digest);
        }

        Assert.Equal(whole, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task ASlowTrickle_StillFillsWholeChunks()
    {
        var content = PseudoRandomStream.Bytes(Chunk + 12345);
        var path = Path.Combine(_directory, "data");

        var (digest, _) = await ReceiveAtAsync(path, 0, new TrickleStream(content, 1000), sizeLimit: null);

        Assert.Equal(DigestOf(content), digest);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task MoreThanTheLimit_StopsOneByteOver_AndWritesOnlyTheLimit()
    {
        const int limit = Chunk + 100;
        var path = Path.Combine(_directory, "data");

        var (_, received) = await ReceiveAtAsync(path, 0, new PseudoRandomStream(3L * Chunk), limit);

        Assert.Equal(limit + 1, received);
        Assert.Equal(PseudoRandomStream.Bytes(limit), await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task ABrokenStream_Throws_AndTheFileStaysUsableThroughTheSameHandle()
    {
        var path = Path.Combine(_directory, "data");
        using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite);

        await Assert.ThrowsAsync<IOException>(() =>
            FileReceiver.ReceiveAsync(file, 0, new FailingStream(new PseudoRandomStream(3L * Chunk), Chunk + 7), null, CancellationToken.None));

        // Whatever mode the receiver left the descriptor in, an unaligned write through it must still work.
        RandomAccess.Write(file, "tail"u8, 3);
        Assert.Equal(PseudoRandomStream.Bytes(3).Concat("tail"u8.ToArray()), File.ReadAllBytes(path).Take(7));
    }

    private static async Task<(BlobDigest Digest, long Size)> ReceiveAtAsync(string path, long offset, Stream content, long? sizeLimit)
    {
        using var file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite);
        return await FileReceiver.ReceiveAsync(file, offset, content, sizeLimit, CancellationToken.None);
    }

    private static BlobDigest DigestOf(ReadOnlySpan<byte> content) => BlobDigest.FromHash(SHA256.HashData(content));

    /// <summary>Hands out at most <c>step</c> bytes per read, like a slow network.</summary>
    private sealed class TrickleStream(byte[] content, int step) : MemoryStream(content)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(step, buffer.Length)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(step, buffer.Length)], cancellationToken);
    }
}
