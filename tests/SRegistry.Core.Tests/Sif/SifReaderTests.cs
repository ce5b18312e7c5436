using SRegistry.Core.Sif;

namespace SRegistry.Core.Tests.Sif;

public sealed class SifReaderTests : IDisposable
{
    private const string Definition = """
        Bootstrap: docker
        From: alpine:3.19

        %post
            apk add --no-cache curl

        %runscript
            echo "Hello from the container"
            exec "$@"

        %labels
            Author someone
        """;

    private const string Fingerprint = "433FE984155206BD962725E20E8713472A879943";
    private readonly SifImageBuilder _builder = new();

    public void Dispose() => _builder.Dispose();

    [Fact]
    public async Task Read_Amd64ImageWithEverything_ReturnsAllOfIt()
    {
        var image = await _builder
            .WithDefinitionFile(Definition)
            .WithEnvironment("export GREETING=hello\n")
            .WithLabels("""{"org.label-schema.build-arch":"amd64","MAINTAINER":"someone","VERSION":3}""")
            .WithPrimaryPartition(partArch: 2)
            .WithSignature(Fingerprint, signHash: 1, linkedId: 4)
            .BuildAsync();

        var metadata = await ReadAsync(image);

        Assert.Equal("01", metadata.Version);
        Assert.Equal("amd64", metadata.Architecture);
        Assert.Equal(SifFileSystemType.Squashfs, metadata.FileSystem);
        Assert.Equal(4096, metadata.PartitionSize);
        Assert.Equal(Definition, metadata.DefinitionFile);
        Assert.Equal("    echo \"Hello from the container\"\n    exec \"$@\"", metadata.RunScript);
        Assert.Equal("export GREETING=hello\n", metadata.Environment);
        Assert.Equal(new Dictionary<string, string> { ["org.label-schema.build-arch"] = "amd64", ["MAINTAINER"] = "someone", ["VERSION"] = "3" }, metadata.Labels);
        Assert.True(metadata.IsSigned);
        Assert.Equal(new SifSignature(5, SifHashType.Sha256, Fingerprint, 4, LinksGroup: false), Assert.Single(metadata.Signatures));
        Assert.False(metadata.IsEncrypted);
    }

    [Fact]
    public async Task Read_Arm64ImageWithoutDefinitionFile_HasNoDefinitionNorRunScript()
    {
        var image = await _builder.WithPrimaryPartition(partArch: 4).BuildAsync();

        var metadata = await ReadAsync(image);

        Assert.Equal("arm64", metadata.Architecture);
        Assert.Equal(SifFileSystemType.Squashfs, metadata.FileSystem);
        Assert.Null(metadata.DefinitionFile);
        Assert.Null(metadata.RunScript);
        Assert.Null(metadata.Environment);
        Assert.Empty(metadata.Labels);
        Assert.False(metadata.IsSigned);
        Assert.Empty(metadata.Signatures);
    }

    [Fact]
    public async Task Read_ImageId_IsTheOneSiftoolShows()
    {
        var image = await _builder.WithPrimaryPartition(partArch: 2).BuildAsync();
        var header = await SifImageBuilder.RunAsync("siftool", "header", image);
        var shown = header.Split('\n').Single(l => l.StartsWith("ID:", StringComparison.Ordinal))[3..].Trim();

        var metadata = await ReadAsync(image);

        Assert.Equal(Guid.Parse(shown), metadata.ImageId);
        Assert.InRange(metadata.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Read_DefinitionFileWithoutRunScript_HasNoRunScript()
    {
        var image = await _builder.WithDefinitionFile("Bootstrap: docker\nFrom: alpine\n\n%post\n    echo hi\n").WithPrimaryPartition(2).BuildAsync();

        var metadata = await ReadAsync(image);

        Assert.NotNull(metadata.DefinitionFile);
        Assert.Null(metadata.RunScript);
    }

    [Fact]
    public async Task Read_SignatureOverAGroupWithSha384_ReportsBoth()
    {
        var image = await _builder.WithPrimaryPartition(2).WithSignature(Fingerprint, signHash: 2, linkedId: 0xf0000001).BuildAsync();

        var signature = Assert.Single((await ReadAsync(image)).Signatures);

        Assert.Equal(new SifSignature(2, SifHashType.Sha384, Fingerprint, 1, LinksGroup: true), signature);
    }

    [Fact]
    public async Task Read_EncryptedSquashfs_IsEncrypted()
    {
        var image = await _builder.WithPrimaryPartition(partArch: 4, partFs: 5).BuildAsync();

        var metadata = await ReadAsync(image);

        Assert.True(metadata.IsEncrypted);
        Assert.Equal(SifFileSystemType.EncryptedSquashfs, metadata.FileSystem);
    }

    [Fact]
    public async Task Read_CryptoMessageObject_IsEncrypted()
    {
        var image = await _builder.WithPrimaryPartition(partArch: 2).WithCryptoMessage().BuildAsync();

        Assert.True((await ReadAsync(image)).IsEncrypted);
    }

    [Fact]
    public async Task Read_ImageWithoutPartition_HasNoArchitectureNorFileSystem()
    {
        var image = await _builder.WithDefinitionFile(Definition).BuildAsync();

        var metadata = await ReadAsync(image);

        Assert.Null(metadata.Architecture);
        Assert.Null(metadata.FileSystem);
        Assert.Null(metadata.PartitionSize);
        Assert.Equal(Definition, metadata.DefinitionFile);
    }

    [Fact]
    public async Task Read_DefinitionFileOverOneMebibyte_RefusesNamingTheLimit()
    {
        var image = await _builder.WithDefinitionFile(new string('#', (1 << 20) + 1)).BuildAsync();

        var error = await Assert.ThrowsAsync<SifFormatException>(() => ReadAsync(image));

        Assert.Contains("definition file", error.Message);
        Assert.Contains("1 MiB", error.Message);
    }

    [Fact]
    public async Task Read_LabelsThatAreNotJson_SaysSo()
    {
        var image = await _builder.WithLabels("Author: someone").BuildAsync();

        var error = await Assert.ThrowsAsync<SifFormatException>(() => ReadAsync(image));

        Assert.Contains("labels", error.Message);
    }

    [Fact]
    public async Task Read_RepeatedLabel_KeepsTheLastValue()
    {
        var image = await _builder.WithLabels("""{"A":"first","A":"second"}""").BuildAsync();

        Assert.Equal("second", (await ReadAsync(image)).Labels["A"]);
    }

    [Fact]
    public async Task Read_NonSeekableStream_IsAnArgumentError()
    {
        var image = await _builder.WithPrimaryPartition(2).BuildAsync();
        var bytes = await File.ReadAllBytesAsync(image);

        await Assert.ThrowsAsync<ArgumentException>(() => SifReader.ReadAsync(new NonSeekableStream(bytes), CancellationToken.None));
    }

    private static async Task<SifMetadata> ReadAsync(string image)
    {
        await using var stream = File.OpenRead(image);
        return await SifReader.ReadAsync(stream, CancellationToken.None);
    }
}
