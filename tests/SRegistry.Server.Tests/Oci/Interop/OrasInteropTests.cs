using System.Text.Json;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Oci.Interop;

/// <summary>
/// <c>singularity push/pull oras://</c> against the OCI door, through <see cref="OrasHarness"/>: a SIF comes back
/// byte for byte, and it is the same image the library door serves, whichever door it went in by.
/// </summary>
public sealed class OrasInteropTests(OciServerFixture registry, OrasHarness oras, LibraryHarness library)
    : IClassFixture<OciServerFixture>, IClassFixture<OrasHarness>, IClassFixture<LibraryHarness>
{
    [Fact]
    public async Task PushThenPull_WithAnApiToken_WritesTheSameSha256()
    {
        var sif = await SifFiles.CreateAsync(registry.Files);
        var reference = $"{registry.Registry}/{OciServerFixture.Repository("oras")}:v1";

        var push = await oras.PushAsync(sif, reference, registry.AliceWithToken);
        var pull = await oras.PullAsync(reference, OutputFile(), registry.AliceWithToken);

        AssertSameSif(sif, pull);
        Assert.Equal(push.GetProperty("manifestDigest").GetString(), pull.GetProperty("manifestDigest").GetString());
    }

    [Fact]
    public async Task PushWithAPassword_ThenAnonymousPullOfThePublicRepository_WritesTheSameSha256()
    {
        var sif = await SifFiles.CreateAsync(registry.Files);
        var reference = $"{registry.Registry}/{OciServerFixture.Repository("public")}:latest";
        await oras.PushAsync(sif, reference, registry.AliceWithPassword);

        var pull = await oras.PullAsync(reference, OutputFile(), null);

        AssertSameSif(sif, pull);
    }

    [Fact]
    public async Task AnonymousPush_IsRefusedAndStoresNothing()
    {
        var sif = await SifFiles.CreateAsync(registry.Files);
        var reference = $"{registry.Registry}/{OciServerFixture.Repository("anonymous")}:v1";

        var push = await oras.TryRunAsync(["push", sif, reference], null);

        Assert.True(push.ExitCode == 1, $"an anonymous push must be refused: {push}");
        var pull = await oras.TryRunAsync(["pull", reference, OutputFile()], registry.AliceWithToken);
        Assert.True(pull.ExitCode == OrasHarness.NotFound, $"nothing may be stored by a refused push: {pull}");
        // The refusal was about who asked: the same push with alice's token goes through.
        await oras.PushAsync(sif, reference, registry.AliceWithToken);
    }

    [Fact]
    public async Task LibraryPush_ThenOrasPull_WritesTheSameSha256()
    {
        var sif = await SifFiles.CreateAsync(registry.Files);
        var name = OciServerFixture.Repository("fromlibrary");
        await library.RunAsync(registry.Url, registry.AliceWithToken.Secret, "push", sif, name + ":v1");

        var pull = await oras.PullAsync($"{registry.Registry}/{name}:v1", OutputFile(), registry.AliceWithToken);

        AssertSameSif(sif, pull);
    }

    [Fact]
    public async Task OrasPush_OfAnArm64Sif_IsInTheLibraryWithItsArchAndDownloadsTheSameSha256()
    {
        var sif = await SifFiles.CreateAsync(registry.Files, "arm64");
        var name = OciServerFixture.Repository("tolibrary");
        await oras.PushAsync(sif, $"{registry.Registry}/{name}:v1", registry.AliceWithToken);

        // As `singularity pull library://` asks for it, then as the API answers it.
        var image = await library.RunAsync(registry.Url, registry.AliceWithToken.Secret, "get", name + ":v1", "-arch", "arm64");
        var pull = await library.RunAsync(registry.Url, registry.AliceWithToken.Secret, "pull", name + ":v1", OutputFile(), "-arch", "arm64");
        var api = (await registry.AliceLibrary().GetAsync($"/v1/images/{name}:v1?arch=arm64")).Data();

        Assert.Equal("arm64", image.GetProperty("arch").GetString());
        Assert.Equal(SifFiles.LibraryHash(sif), image.GetProperty("hash").GetString());
        Assert.Equal(SifFiles.LibraryHash(sif), pull.GetProperty("sha256").GetString());
        Assert.Equal("arm64", api.GetProperty("arch").GetString());
        Assert.Equal(SifFiles.LibraryHash(sif), api.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task Pull_OfAPrivateLibraryImage_IsRefusedToOtherUsersAndAnonymous()
    {
        var sif = await SifFiles.CreateAsync(registry.Files);
        var name = OciServerFixture.Repository("private");
        await library.RunAsync(registry.Url, registry.AliceWithToken.Secret, "push", sif, name + ":v1", "-private");
        var reference = $"{registry.Registry}/{name}:v1";

        AssertSameSif(sif, await oras.PullAsync(reference, OutputFile(), registry.AliceWithToken));
        foreach (var credentials in new[] { registry.Bob, null })
        {
            var output = OutputFile();
            var pull = await oras.TryRunAsync(["pull", reference, output], credentials);
            Assert.True(pull.ExitCode != 0, $"{credentials?.Username ?? "anonymous"} must not pull alice's private image: {pull}");
            Assert.False(File.Exists(output), "nothing of the private image may be written");
        }
    }

    private string OutputFile() => Path.Combine(registry.Files, LibraryServerFixture.UniqueName("pulled") + ".sif");

    /// <summary>The pulled file is the pushed file, and the manifest's SIF layer says so.</summary>
    private static void AssertSameSif(string file, JsonElement pull)
    {
        var expected = OciLayout.Sha256Digest(file);
        Assert.Equal(expected, pull.GetProperty("sha256").GetString());
        Assert.Equal(expected, pull.GetProperty("layerDigest").GetString());
        Assert.Equal(new FileInfo(file).Length, pull.GetProperty("size").GetInt64());
    }
}
