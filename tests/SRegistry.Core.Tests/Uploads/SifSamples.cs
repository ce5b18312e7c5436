using System.Security.Cryptography;
using SRegistry.Core.Tests.Sif;

namespace SRegistry.Core.Tests.Uploads;

/// <summary>Real SIF images made once per test class with the reference tools (see <see cref="SifImageBuilder"/>).</summary>
public sealed class SifSamples : IAsyncLifetime
{
    public const string Definition = "Bootstrap: docker\nFrom: alpine:3.19\n\n%runscript\n    echo hello\n";
    public const string Fingerprint = "433FE984155206BD962725E20E8713472A879943";

    /// <summary>An amd64 image with a definition file, two labels and a signature.</summary>
    public byte[] Amd64 { get; private set; } = [];

    /// <summary>A bare arm64 image.</summary>
    public byte[] Arm64 { get; private set; } = [];

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public async Task InitializeAsync()
    {
        using (var builder = new SifImageBuilder())
        {
            var path = await builder
                .WithDefinitionFile(Definition)
                .WithLabels("""{"org.label-schema.build-arch":"amd64","MAINTAINER":"alice"}""")
                .WithPrimaryPartition(partArch: 2)
                .WithSignature(Fingerprint, signHash: 1, linkedId: 3)
                .BuildAsync();
            Amd64 = await File.ReadAllBytesAsync(path);
        }

        using (var builder = new SifImageBuilder())
        {
            Arm64 = await File.ReadAllBytesAsync(await builder.WithPrimaryPartition(partArch: 4).BuildAsync());
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
