using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Oci.Interop;

/// <summary>
/// skopeo (containers/image, the OCI client of podman and buildah) against the OCI door: images and SIF
/// artifacts copied in and back out keep every digest, and the door's tags, inspect, delete and access rules
/// behave as skopeo users expect.
/// </summary>
public sealed class SkopeoInteropTests(OciServerFixture registry) : IClassFixture<OciServerFixture>
{
    [Fact]
    public async Task SifArtifact_CopiedInWithAnApiTokenAndBack_KeepsManifestAndBlobDigests()
    {
        var sif = await SifFiles.CreateAsync(registry.Files);
        var original = await OciLayouts.SifArtifactAsync(registry.NewDirectory("sif"), sif, "v1");
        var reference = registry.Docker(OciServerFixture.Repository("sif") + ":v1");

        var pulled = await AssertRoundTripAsync(original, reference, registry.AliceWithToken, all: false);

        Assert.Contains(OciLayout.Sha256Digest(sif), pulled.BlobDigests);
    }

    [Fact]
    public async Task MultiLayerImage_CopiedInWithAPasswordAndBack_KeepsManifestAndBlobDigests()
    {
        var original = OciLayouts.MultiLayerImage(registry.NewDirectory("image"), "1.0");
        var reference = registry.Docker(OciServerFixture.Repository("image") + ":1.0");

        await AssertRoundTripAsync(original, reference, registry.AliceWithPassword, all: false);
    }

    [Fact]
    public async Task ImageIndex_CopiedInWithAllAndBack_KeepsTheIndexAndBothPlatformImages()
    {
        var original = OciLayouts.ImageIndex(registry.NewDirectory("index"), "multi");
        var repository = OciServerFixture.Repository("index");

        await AssertRoundTripAsync(original, registry.Docker(repository + ":multi"), registry.AliceWithToken, all: true);

        // Each platform's manifest is served by its digest, byte for byte.
        foreach (var platform in original.ReadManifest().GetProperty("manifests").EnumerateArray())
        {
            var digest = platform.GetProperty("digest").GetString()!;
            var raw = Ok(await Skopeo.InspectAsync(registry.Docker($"{repository}@{digest}"), registry.AliceWithToken, raw: true));
            Assert.Equal(digest, Sha256(raw.StandardOutput));
        }
    }

    [Fact]
    public async Task Inspect_OfAnImage_ReportsItsDigestLayersAndArchitecture()
    {
        var original = OciLayouts.MultiLayerImage(registry.NewDirectory("inspect"), "v1", arch: "arm64");
        var reference = registry.Docker(OciServerFixture.Repository("inspect") + ":v1");
        Ok(await Skopeo.CopyAsync(original.Reference, reference, registry.AliceWithToken));

        var inspect = Ok(await Skopeo.InspectAsync(reference, registry.AliceWithToken));

        using var json = JsonDocument.Parse(inspect.StandardOutput);
        var layers = original.ReadManifest().GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString());
        Assert.Equal(original.ManifestDigest, json.RootElement.GetProperty("Digest").GetString());
        Assert.Equal(layers, json.RootElement.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("arm64", json.RootElement.GetProperty("Architecture").GetString());
    }

    [Fact]
    public async Task ListTags_NamesEveryTagPushed_AlsoToAnonymousOnAPublicRepository()
    {
        var original = OciLayouts.MultiLayerImage(registry.NewDirectory("tags"), "v1", layers: 2);
        var repository = OciServerFixture.Repository("tags");
        foreach (var tag in new[] { "v1", "v2", "stable" })
        {
            Ok(await Skopeo.CopyAsync(original.Reference, registry.Docker($"{repository}:{tag}"), registry.AliceWithToken));
        }

        var asAlice = Ok(await Skopeo.ListTagsAsync(registry.Docker(repository), registry.AliceWithToken));
        var asAnonymous = Ok(await Skopeo.ListTagsAsync(registry.Docker(repository), null));

        Assert.Equal(["stable", "v1", "v2"], Skopeo.Tags(asAlice).Order(StringComparer.Ordinal));
        Assert.Equal(["stable", "v1", "v2"], Skopeo.Tags(asAnonymous).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Delete_ThenInspect_Fails()
    {
        var original = OciLayouts.MultiLayerImage(registry.NewDirectory("delete"), "v1", layers: 2);
        var reference = registry.Docker(OciServerFixture.Repository("delete") + ":v1");
        Ok(await Skopeo.CopyAsync(original.Reference, reference, registry.AliceWithToken));
        Ok(await Skopeo.InspectAsync(reference, registry.AliceWithToken, raw: true));

        Ok(await Skopeo.DeleteAsync(reference, registry.AliceWithToken));

        AssertFailed(await Skopeo.InspectAsync(reference, registry.AliceWithToken, raw: true), "inspect after delete");
    }

    [Fact]
    public async Task AnonymousPull_OfAPublicRepository_KeepsDigests()
    {
        var original = OciLayouts.MultiLayerImage(registry.NewDirectory("public"), "v1", layers: 2);
        var reference = registry.Docker(OciServerFixture.Repository("public") + ":v1");
        Ok(await Skopeo.CopyAsync(original.Reference, reference, registry.AliceWithToken));

        var pulled = await CopyOutAsync(reference, "v1", null, all: false);

        Assert.Equal(original.ManifestDigest, pulled.ManifestDigest);
        Assert.Equal(original.BlobDigests, pulled.BlobDigests);
    }

    [Fact]
    public async Task AnonymousPush_IsRefusedAndStoresNothing()
    {
        var original = OciLayouts.MultiLayerImage(registry.NewDirectory("anonymous"), "v1", layers: 2);
        var reference = registry.Docker(OciServerFixture.Repository("anonymous") + ":v1");

        AssertFailed(await Skopeo.CopyAsync(original.Reference, reference, null), "anonymous push");

        AssertFailed(await Skopeo.InspectAsync(reference, registry.AliceWithToken, raw: true), "inspect after a refused push");
        // The refusal was about who asked: the same push with alice's credentials goes through.
        Ok(await Skopeo.CopyAsync(original.Reference, reference, registry.AliceWithToken));
    }

    [Fact]
    public async Task Push_WithAWrongPassword_IsRefused()
    {
        var original = OciLayouts.MultiLayerImage(registry.NewDirectory("wrong"), "v1", layers: 1);
        var reference = registry.Docker(OciServerFixture.Repository("wrong") + ":v1");

        AssertFailed(await Skopeo.CopyAsync(original.Reference, reference, new RegistryCredentials("alice", "not-her-password")), "push with a wrong password");

        AssertFailed(await Skopeo.InspectAsync(reference, registry.AliceWithToken, raw: true), "inspect after a refused push");
        Ok(await Skopeo.CopyAsync(original.Reference, reference, registry.AliceWithPassword));
    }

    [Fact]
    public async Task PrivateRepository_IsInvisibleToOtherUsersAndAnonymous_ButNotToItsOwner()
    {
        var api = registry.AliceLibrary();
        var collection = LibraryServerFixture.UniqueName("private");
        await api.CreateCollectionAsync(await api.EntityIdAsync("alice"), collection, isPrivate: true);
        var repository = $"alice/{collection}/app";
        var original = OciLayouts.MultiLayerImage(registry.NewDirectory("private"), "v1", layers: 2);
        Ok(await Skopeo.CopyAsync(original.Reference, registry.Docker(repository + ":v1"), registry.AliceWithToken));

        var asAlice = Ok(await Skopeo.InspectAsync(registry.Docker(repository + ":v1"), registry.AliceWithToken, raw: true));

        Assert.Equal(original.ManifestDigest, Sha256(asAlice.StandardOutput));
        foreach (var (who, credentials) in new[] { ("bob", registry.Bob), ("anonymous", (RegistryCredentials?)null) })
        {
            var inspect = await Skopeo.InspectAsync(registry.Docker(repository + ":v1"), credentials, raw: true);
            AssertFailed(inspect, $"{who} inspecting alice's private image");
            Assert.DoesNotContain(original.ManifestDigest["sha256:".Length..], inspect.StandardOutput);
            AssertFailed(await Skopeo.ListTagsAsync(registry.Docker(repository), credentials), $"{who} listing alice's private tags");
            var pulled = registry.NewDirectory("stolen");
            AssertFailed(await Skopeo.CopyAsync(registry.Docker(repository + ":v1"), $"oci:{pulled}:v1", credentials), $"{who} pulling alice's private image");
        }
    }

    /// <summary>
    /// Copies <paramref name="original"/> in, checks the registry serves its manifest byte for byte, copies it
    /// back into an empty layout and checks the same manifest digest and the same blob contents came back.
    /// Returns the layout copied back.
    /// </summary>
    private async Task<OciLayout> AssertRoundTripAsync(OciLayout original, string reference, RegistryCredentials credentials, bool all)
    {
        Ok(await Skopeo.CopyAsync(original.Reference, reference, credentials, all));

        var raw = Ok(await Skopeo.InspectAsync(reference, credentials, raw: true));
        var pulled = await CopyOutAsync(reference, original.Tag, credentials, all);

        Assert.Equal(original.ManifestDigest, Sha256(raw.StandardOutput));
        Assert.Equal(original.ManifestDigest, pulled.ManifestDigest);
        Assert.Equal(original.BlobDigests, pulled.BlobDigests);
        return pulled;
    }

    private async Task<OciLayout> CopyOutAsync(string reference, string tag, RegistryCredentials? credentials, bool all)
    {
        var directory = registry.NewDirectory("pulled");
        Ok(await Skopeo.CopyAsync(reference, $"oci:{directory}:{tag}", credentials, all));
        return OciLayout.Read(directory, tag);
    }

    private static CommandResult Ok(CommandResult result)
    {
        Assert.True(result.ExitCode == 0, $"skopeo failed: {result}");
        return result;
    }

    private static void AssertFailed(CommandResult result, string what) =>
        Assert.True(result.ExitCode != 0, $"{what} must fail, but skopeo succeeded: {result}");

    // skopeo inspect --raw prints the manifest as served, with no newline added.
    private static string Sha256(string manifest) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest)));
}
