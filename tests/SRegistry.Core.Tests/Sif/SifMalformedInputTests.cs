using System.Buffers.Binary;
using System.Diagnostics;
using SRegistry.Core.Sif;

namespace SRegistry.Core.Tests.Sif;

public sealed class SifMalformedInputTests : IDisposable
{
    private const int DescriptorsStart = 4096;
    private const int DescriptorSize = 585;
    private readonly SifImageBuilder _builder = new();

    public void Dispose() => _builder.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(41)]
    [InlineData(100)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(4096)]
    [InlineData(DescriptorsStart + 3 * DescriptorSize + 7)]
    [InlineData(DescriptorsStart + 48 * DescriptorSize - 1)]
    [InlineData(-5000)]
    [InlineData(-100)]
    [InlineData(-1)]
    public async Task Read_TruncatedImage_IsAFormatError(int cut)
    {
        var bytes = await ValidImageAsync();
        var truncated = bytes[..(cut >= 0 ? cut : bytes.Length + cut)];

        await AssertFormatErrorAsync(truncated);
    }

    [Fact]
    public async Task Read_TheValidImage_Succeeds()
    {
        var metadata = await SifReader.ReadAsync(new MemoryStream(await ValidImageAsync()), CancellationToken.None);

        Assert.Equal("amd64", metadata.Architecture);
    }

    [Theory]
    [InlineData("random")]
    [InlineData("zeros")]
    [InlineData("text")]
    [InlineData("launch-line-only")]
    public async Task Read_Garbage_IsAFormatErrorAboutTheMagic(string kind)
    {
        var bytes = kind switch
        {
            "random" => Storage.PseudoRandomStream.Bytes(64 * 1024),
            "zeros" => new byte[64 * 1024],
            "text" => "Bootstrap: docker\nFrom: alpine\n"u8.ToArray(),
            _ => "#!/usr/bin/env run-singularity\n\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"u8.ToArray(),
        };

        var error = await AssertFormatErrorAsync(bytes);

        Assert.Contains("SIF_MAGIC", error.Message);
    }

    [Fact]
    public async Task Read_UnknownVersion_SaysWhichVersionItKnows()
    {
        var bytes = await ValidImageAsync();
        "02"u8.CopyTo(bytes.AsSpan(42));

        var error = await AssertFormatErrorAsync(bytes);

        Assert.Contains("'02'", error.Message);
        Assert.Contains("01", error.Message);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(1L << 40)]
    [InlineData(4097)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public async Task Read_AbsurdDescriptorCount_FailsFast(long count)
    {
        var bytes = await ValidImageAsync();
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(88), count);

        var error = await AssertFormatErrorAsync(bytes);

        Assert.Contains("descriptors", error.Message);
    }

    [Fact]
    public async Task Read_MaximumDescriptorCountOfUnusedSlots_FinishesFast()
    {
        var bytes = new byte[DescriptorsStart + 4096 * DescriptorSize];
        (await ValidImageAsync()).AsSpan(0, 128).CopyTo(bytes);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(88), 4096);
        var clock = Stopwatch.StartNew();

        var metadata = await SifReader.ReadAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.Null(metadata.FileSystem);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(40_000_000)]
    public async Task Read_DescriptorTableOutsideTheFile_IsAFormatError(long offset)
    {
        var bytes = await ValidImageAsync();
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(96), offset);

        await AssertFormatErrorAsync(bytes);
    }

    [Theory]
    [InlineData(17, long.MaxValue)]
    [InlineData(17, -1)]
    [InlineData(25, long.MaxValue)]
    [InlineData(25, -1)]
    [InlineData(25, 1L << 40)]
    public async Task Read_ObjectOutsideTheFile_IsAFormatErrorNamingIt(int field, long value)
    {
        var bytes = await ValidImageAsync();
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(DescriptorsStart + field), value);

        var error = await AssertFormatErrorAsync(bytes);

        Assert.Contains("object 1", error.Message);
    }

    [Fact]
    public async Task Read_RandomlyCorruptedHeaderAndDescriptors_EitherReadsOrIsAFormatError()
    {
        var valid = await ValidImageAsync();
        var random = new Random(20240601);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 2000; i++)
        {
            var bytes = (byte[])valid.Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
                bytes[random.Next(2) == 0 ? random.Next(128) : DescriptorsStart + random.Next(5 * DescriptorSize)] = (byte)random.Next(256);
            try
            {
                await SifReader.ReadAsync(new MemoryStream(bytes), CancellationToken.None);
            }
            catch (SifFormatException)
            {
            }
        }

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    private async Task<byte[]> ValidImageAsync() =>
        await File.ReadAllBytesAsync(await _builder
            .WithDefinitionFile("Bootstrap: docker\nFrom: alpine\n\n%runscript\n    echo hi\n")
            .WithLabels("""{"a":"b"}""")
            .WithPrimaryPartition(partArch: 2)
            .WithSignature("433FE984155206BD962725E20E8713472A879943", signHash: 1, linkedId: 3)
            .BuildAsync());

    private static async Task<SifFormatException> AssertFormatErrorAsync(byte[] bytes)
    {
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<SifFormatException>(() => SifReader.ReadAsync(new MemoryStream(bytes), CancellationToken.None));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        return error;
    }
}
