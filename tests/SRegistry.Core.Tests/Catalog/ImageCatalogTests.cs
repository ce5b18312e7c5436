using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Catalog;

[Collection("Postgres")]
public sealed class ImageCatalogTests(PostgresFixture postgres)
{
    [Fact]
    public async Task GetImage_ByTagOrDigest_FindsIt()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        var image = await scene.AddImageAsync(bwa.Id, "one", tags: ["v1"]);

        var byTag = await scene.Images().GetImageAsync(Ref("alice/tools/bwa:v1"), "", Caller.Anonymous);
        var byDigest = await scene.Images().GetImageAsync(Ref($"alice/tools/bwa:sha256.{image.Digest}"), null, Caller.Anonymous);

        Assert.Equal(image.Id, byTag.Value!.Id);
        Assert.Equal("alice", byTag.Value.Container.Collection.Entity.Name);
        Assert.Equal("v1", Assert.Single(byTag.Value.Tags).Name);
        Assert.Equal(image.Id, byDigest.Value!.Id);
    }

    [Fact]
    public async Task GetImage_TagWithTwoArchitectures_PicksTheRequestedOneOrAmd64()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        var amd64 = await scene.AddImageAsync(bwa.Id, "x86 build", tags: ["latest"]);
        var arm64 = await scene.AddImageAsync(bwa.Id, "arm build", arch: "arm64", tags: ["latest"]);

        var images = scene.Images();
        Assert.Equal(arm64.Id, (await images.GetImageAsync(Ref("alice/tools/bwa"), "arm64", Caller.Anonymous)).Value!.Id);
        Assert.Equal(amd64.Id, (await images.GetImageAsync(Ref("alice/tools/bwa"), "amd64", Caller.Anonymous)).Value!.Id);
        Assert.Equal(amd64.Id, (await images.GetImageAsync(Ref("alice/tools/bwa"), null, Caller.Anonymous)).Value!.Id);
        Assert.Equal(RegistryError.NotFound, (await images.GetImageAsync(Ref("alice/tools/bwa"), "ppc64le", Caller.Anonymous)).Error);
    }

    [Fact]
    public async Task GetImage_NoArchAndOnlyAnotherArchitecture_PicksThatOne()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        var arm64 = await scene.AddImageAsync(bwa.Id, "arm build", arch: "arm64", tags: ["latest"]);

        Assert.Equal(arm64.Id, (await scene.Images().GetImageAsync(Ref("alice/tools/bwa"), "", Caller.Anonymous)).Value!.Id);
    }

    [Fact]
    public async Task GetImage_NoArchAndSeveralWithoutAmd64_IsNotFoundListingTheArchitectures()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        await scene.AddImageAsync(bwa.Id, "arm build", arch: "arm64", tags: ["latest"]);
        await scene.AddImageAsync(bwa.Id, "power build", arch: "ppc64le", tags: ["latest"]);

        var result = await scene.Images().GetImageAsync(Ref("alice/tools/bwa"), null, Caller.Anonymous);

        Assert.Equal(RegistryError.NotFound, result.Error);
        Assert.Contains("arm64, ppc64le", result.Message);
    }

    [Fact]
    public async Task GetImage_TagOfAnotherContainer_IsNotFound()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        var other = await scene.AddContainerAsync(bwa.CollectionId, "samtools");
        await scene.AddImageAsync(other.Id, "one", tags: ["v1"]);

        Assert.Equal(RegistryError.NotFound, (await scene.Images().GetImageAsync(Ref("alice/tools/bwa:v1"), null, Caller.Anonymous)).Error);
    }

    [Fact]
    public async Task GetImage_InPrivateCollection_IsNotFoundForOthersByReferenceAndId()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var secret = await scene.AddCollectionAsync("alice", "secret", isPrivate: true);
        var bwa = await scene.AddContainerAsync(secret.Id, "bwa");
        var image = await scene.AddImageAsync(bwa.Id, "one", tags: ["latest"]);
        var bob = await scene.CallerAsync("bob");

        Assert.Equal(RegistryError.NotFound, (await scene.Images().GetImageAsync(Ref("alice/secret/bwa"), null, bob)).Error);
        Assert.Equal(RegistryError.NotFound, (await scene.Images().GetImageByIdAsync(image.Id, bob)).Error);
        Assert.True((await scene.Images().GetImageByIdAsync(image.Id, await scene.CallerAsync("alice"))).Succeeded);
    }

    [Fact]
    public async Task CreateImage_NewWithoutArch_IsNotUploadedWithArchUnknownAndAudited()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        var digest = CatalogScene.Digest("new");

        var result = await scene.Images().CreateImageAsync(bwa.Id, $"sha256.{digest.Hex}", null, await scene.CallerAsync("alice"));

        Assert.True(result.Succeeded, result.Message);
        Assert.False(result.Value.Uploaded);
        Assert.Equal("", result.Value.Arch);
        Assert.Equal(scene.Users["alice"].Id, result.Value.CreatedByUserId);
        var audit = await scene.Context().AuditEvents.SingleAsync();
        Assert.Equal((CatalogAuditActions.ImageCreate, $"image:alice/tools/bwa@sha256:{digest.Hex}"), (audit.Action, audit.Target));
    }

    [Fact]
    public async Task CreateImage_SameContainerDigestAndArch_ReturnsTheExistingImage()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        var alice = await scene.CallerAsync("alice");
        var digest = CatalogScene.Digest("new").Hex;

        var first = await scene.Images().CreateImageAsync(bwa.Id, digest, "amd64", alice);
        var again = await scene.Images().CreateImageAsync(bwa.Id, "sha256:" + digest, "", alice);
        var otherArch = await scene.Images().CreateImageAsync(bwa.Id, digest, "arm64", alice);

        Assert.Equal(first.Value!.Id, again.Value!.Id);
        Assert.NotEqual(first.Value.Id, otherArch.Value!.Id);
        Assert.Equal(2, await scene.Context().Images.CountAsync());
    }

    [Fact]
    public async Task CreateImage_ContentStoredButUsedByNoUploadedImage_MustBeUploaded()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        var bytes = RandomNumberGenerator.GetBytes(5000);
        await scene.Store(scene.Context()).PutAsync(new MemoryStream(bytes), BlobExpectation.None, Actor.System, default);
        var digest = BlobDigest.FromHash(SHA256.HashData(bytes));

        // Bytes no uploaded image uses were never checked as a SIF image: only an upload may vouch for them.
        var result = await scene.Images().CreateImageAsync(bwa.Id, $"sha256.{digest.Hex}", "amd64", await scene.CallerAsync("alice"));

        Assert.False(result.Value!.Uploaded);
    }

    [Fact]
    public async Task CreateImage_ContentStoredForAnotherImage_InheritsItsSifFacts()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        var elsewhere = await scene.AddContainerAsync(bwa.CollectionId, "elsewhere");
        var bytes = RandomNumberGenerator.GetBytes(5000);
        await scene.Store(scene.Context()).PutAsync(new MemoryStream(bytes), BlobExpectation.None, Actor.System, default);
        var digest = BlobDigest.FromHash(SHA256.HashData(bytes));
        var db = scene.Context();
        db.Images.Add(new Image { ContainerId = elsewhere.Id, Digest = digest.Hex, Arch = "amd64", Size = bytes.Length, Uploaded = true, Signed = true, Fingerprints = ["ABCD"] });
        await db.SaveChangesAsync();

        var result = await scene.Images().CreateImageAsync(bwa.Id, digest.Hex, "amd64", await scene.CallerAsync("alice"));

        Assert.True(result.Value!.Uploaded);
        Assert.True(result.Value.Signed);
        Assert.Equal(new[] { "ABCD" }, result.Value.Fingerprints);
    }

    [Fact]
    public async Task CreateImage_WithoutArch_ContentOfAnotherImage_IsUploadedWithItsArch()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        var elsewhere = await scene.AddContainerAsync(bwa.CollectionId, "elsewhere");
        var bytes = RandomNumberGenerator.GetBytes(5000);
        await scene.Store(scene.Context()).PutAsync(new MemoryStream(bytes), BlobExpectation.None, Actor.System, default);
        var digest = BlobDigest.FromHash(SHA256.HashData(bytes));
        var db = scene.Context();
        db.Images.Add(new Image { ContainerId = elsewhere.Id, Digest = digest.Hex, Arch = "arm64", Size = bytes.Length, Uploaded = true });
        await db.SaveChangesAsync();

        var result = await scene.Images().CreateImageAsync(bwa.Id, digest.Hex, null, await scene.CallerAsync("alice"));

        Assert.True(result.Value!.Uploaded);
        Assert.Equal("arm64", result.Value.Arch);
    }

    [Fact]
    public async Task CreateImage_WithoutArch_ContentStoredButNoImageKnowsItsArch_WaitsForTheUpload()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        var bytes = RandomNumberGenerator.GetBytes(5000);
        await scene.Store(scene.Context()).PutAsync(new MemoryStream(bytes), BlobExpectation.None, Actor.System, default);
        var alice = await scene.CallerAsync("alice");

        var first = await scene.Images().CreateImageAsync(bwa.Id, BlobDigest.FromHash(SHA256.HashData(bytes)).Hex, null, alice);
        var again = await scene.Images().CreateImageAsync(bwa.Id, BlobDigest.FromHash(SHA256.HashData(bytes)).Hex, null, alice);

        Assert.False(first.Value!.Uploaded);
        Assert.Equal("", first.Value.Arch);
        Assert.Equal(first.Value.Id, again.Value!.Id);
    }

    [Fact]
    public async Task CreateImage_InFrozenContainer_IsRefused()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");
        var frozen = await scene.AddContainerAsync(tools.Id, "bwa", frozen: true);

        var result = await scene.Images().CreateImageAsync(frozen.Id, CatalogScene.Digest("new").Hex, null, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.Frozen, result.Error);
    }

    [Fact]
    public async Task CreateImage_BySomeoneWhoOnlySeesTheCollection_IsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);

        var result = await scene.Images().CreateImageAsync(bwa.Id, CatalogScene.Digest("new").Hex, null, await scene.CallerAsync("bob"));

        Assert.Equal(RegistryError.Forbidden, result.Error);
    }

    [Theory]
    [InlineData("sha256.abc")]
    [InlineData("md5.0123456789abcdef0123456789abcdef")]
    public async Task CreateImage_InvalidDigest_IsRefused(string digest)
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);

        var result = await scene.Images().CreateImageAsync(bwa.Id, digest, null, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.InvalidDigest, result.Error);
    }

    [Fact]
    public async Task DeleteImage_ByOwner_RemovesImageTagsAndLabelsWithAuditEvent()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        var image = await scene.AddImageAsync(bwa.Id, "one", tags: ["latest", "v1"]);
        var kept = await scene.AddImageAsync(bwa.Id, "two", tags: ["v2"]);
        var db = scene.Context();
        db.Labels.Add(new Label { ImageId = image.Id, Key = "org.label-schema.name", Value = "bwa" });
        await db.SaveChangesAsync();

        var result = await scene.Images().DeleteImageAsync(Ref("alice/tools/bwa:v1"), null, await scene.CallerAsync("alice", TokenScopes.Delete));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(image.Id, result.Value.ImageId);
        Assert.Equal($"alice/tools/bwa@sha256:{image.Digest}", result.Value.Reference);
        var check = scene.Context();
        Assert.Equal(kept.Id, (await check.Images.SingleAsync()).Id);
        Assert.Equal("v2", (await check.Tags.SingleAsync()).Name);
        Assert.False(await check.Labels.AnyAsync());
        var audit = await check.AuditEvents.SingleAsync();
        Assert.Equal(CatalogAuditActions.ImageDelete, audit.Action);
        Assert.Contains("amd64/latest", audit.Details);
    }

    [Fact]
    public async Task DeleteImage_LastReferenceToStoredContent_ReportsTheBlobUnreferencedButKeepsIt()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        var samtools = await scene.AddContainerAsync(bwa.CollectionId, "samtools");
        var bytes = RandomNumberGenerator.GetBytes(5000);
        await scene.Store(scene.Context()).PutAsync(new MemoryStream(bytes), BlobExpectation.None, Actor.System, default);
        var digest = BlobDigest.FromHash(SHA256.HashData(bytes));
        var alice = await scene.CallerAsync("alice");
        var db = scene.Context();
        db.Images.Add(new Image { ContainerId = bwa.Id, Digest = digest.Hex, Arch = "amd64", Size = bytes.Length, Uploaded = true });
        await db.SaveChangesAsync();
        Assert.True((await scene.Images().CreateImageAsync(samtools.Id, digest.Hex, "amd64", alice)).Value!.Uploaded);

        var first = await scene.Images().DeleteImageAsync(Ref($"alice/tools/bwa@sha256:{digest.Hex}"), null, alice);
        var last = await scene.Images().DeleteImageAsync(Ref($"alice/tools/samtools@sha256:{digest.Hex}"), null, alice);

        Assert.False(first.Value!.BlobUnreferenced);
        Assert.True(last.Value!.BlobUnreferenced);
        Assert.True(await scene.Store(scene.Context()).ExistsAsync(digest, default));
    }

    [Fact]
    public async Task DeleteImage_BySomeoneWhoSeesButDoesNotOwn_IsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        await scene.AddImageAsync(bwa.Id, "one", tags: ["latest"]);
        await scene.AddMemberAsync(bwa.CollectionId, CollectionRole.Contributor, userName: "carol");

        var stranger = await scene.Images().DeleteImageAsync(Ref("alice/tools/bwa"), null, await scene.CallerAsync("bob"));
        var contributor = await scene.Images().DeleteImageAsync(Ref("alice/tools/bwa"), null, await scene.CallerAsync("carol"));
        var pushOnlyOwner = await scene.Images().DeleteImageAsync(Ref("alice/tools/bwa"), null, await scene.CallerAsync("alice", TokenScopes.Push));

        Assert.Equal(RegistryError.Forbidden, stranger.Error);
        Assert.Equal(RegistryError.Forbidden, contributor.Error);
        Assert.Equal(RegistryError.Forbidden, pushOnlyOwner.Error);
        Assert.Equal(1, await scene.Context().Images.CountAsync());
    }

    [Fact]
    public async Task DeleteImage_BySomeoneWhoCannotSeeIt_IsNotFound()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var secret = await scene.AddCollectionAsync("alice", "secret", isPrivate: true);
        var bwa = await scene.AddContainerAsync(secret.Id, "bwa");
        await scene.AddImageAsync(bwa.Id, "one", tags: ["latest"]);

        var result = await scene.Images().DeleteImageAsync(Ref("alice/secret/bwa"), null, await scene.CallerAsync("bob"));

        Assert.Equal(RegistryError.NotFound, result.Error);
        Assert.Equal(1, await scene.Context().Images.CountAsync());
    }

    [Fact]
    public async Task DeleteImage_ByCollectionOwnerOrAdmin_Succeeds()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        await scene.AddImageAsync(bwa.Id, "one", tags: ["v1"]);
        await scene.AddImageAsync(bwa.Id, "two", tags: ["v2"]);
        await scene.AddMemberAsync(bwa.CollectionId, CollectionRole.Owner, teamId: scene.LabTeamId);

        Assert.True((await scene.Images().DeleteImageAsync(Ref("alice/tools/bwa:v1"), null, await scene.CallerAsync("carol"))).Succeeded);
        Assert.True((await scene.Images().DeleteImageAsync(Ref("alice/tools/bwa:v2"), null, await scene.CallerAsync("admin"))).Succeeded);
    }

    [Fact]
    public async Task DeleteImage_InFrozenContainer_IsRefusedAndKeepsTheImage()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");
        var frozen = await scene.AddContainerAsync(tools.Id, "bwa", frozen: true);
        await scene.AddImageAsync(frozen.Id, "one", tags: ["latest"]);

        var result = await scene.Images().DeleteImageAsync(Ref("alice/tools/bwa"), null, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.Frozen, result.Error);
        Assert.Equal(1, await scene.Context().Tags.CountAsync());
    }

    [Fact]
    public async Task RecordDownload_IncrementsTheCount()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await ToolsContainerAsync(scene);
        var image = await scene.AddImageAsync(bwa.Id, "one");
        var images = scene.Images();

        await Task.WhenAll(images.RecordDownloadAsync(image.Id), scene.Images().RecordDownloadAsync(image.Id));
        Assert.True(await images.RecordDownloadAsync(image.Id));

        Assert.Equal(3, (await scene.Context().Images.SingleAsync()).DownloadCount);
        Assert.False(await images.RecordDownloadAsync(image.Id + 1000));
    }

    private static async Task<Container> ToolsContainerAsync(CatalogScene scene)
    {
        var tools = await scene.AddCollectionAsync("alice", "tools");
        return await scene.AddContainerAsync(tools.Id, "bwa");
    }

    private static ImageReference Ref(string text) =>
        ImageReference.TryParse(text, out var reference, out var error) ? reference : throw new ArgumentException(error, nameof(text));
}
