using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Catalog;

[Collection("Postgres")]
public sealed class TagCatalogTests(PostgresFixture postgres)
{
    [Fact]
    public async Task SetTag_New_PointsAtTheImageWithTheImagesArchAndAudits()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await BwaAsync(scene);
        var image = await scene.AddImageAsync(bwa.Id, "one", arch: "arm64");

        var result = await scene.Tags().SetTagAsync(bwa.Id, null, "v1", image.Id, await scene.CallerAsync("alice"));

        Assert.True(result.Succeeded, result.Message);
        var tag = await scene.Context().Tags.SingleAsync();
        Assert.Equal(("arm64", "v1", image.Id), (tag.Arch, tag.Name, tag.ImageId));
        var audit = await scene.Context().AuditEvents.SingleAsync();
        Assert.Equal((CatalogAuditActions.TagSet, "tag:alice/tools/bwa:v1@arm64"), (audit.Action, audit.Target));
    }

    [Fact]
    public async Task SetTag_Existing_MovesItToTheNewImage()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await BwaAsync(scene);
        var old = await scene.AddImageAsync(bwa.Id, "one", tags: ["latest"]);
        var newer = await scene.AddImageAsync(bwa.Id, "two");

        var result = await scene.Tags().SetTagAsync(bwa.Id, "amd64", "latest", newer.Id, await scene.CallerAsync("alice"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(newer.Id, (await scene.Context().Tags.SingleAsync()).ImageId);
        var audit = await scene.Context().AuditEvents.SingleAsync();
        Assert.Equal(CatalogAuditActions.TagMove, audit.Action);
        Assert.Contains($"\"fromImageId\":{old.Id}", audit.Details);
    }

    [Fact]
    public async Task SetTag_SameImageAgain_ChangesNothing()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await BwaAsync(scene);
        var image = await scene.AddImageAsync(bwa.Id, "one", tags: ["latest"]);

        var result = await scene.Tags().SetTagAsync(bwa.Id, null, "latest", image.Id, await scene.CallerAsync("alice"));

        Assert.True(result.Succeeded, result.Message);
        Assert.False(await scene.Context().AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task SetTag_FrozenContainer_IsRefusedAndKeepsTheOldTag()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");
        var bwa = await scene.AddContainerAsync(tools.Id, "bwa", frozen: true);
        var old = await scene.AddImageAsync(bwa.Id, "one", tags: ["latest"]);
        var newer = await scene.AddImageAsync(bwa.Id, "two");

        var result = await scene.Tags().SetTagAsync(bwa.Id, null, "latest", newer.Id, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.Frozen, result.Error);
        Assert.Contains("frozen", result.Message);
        Assert.Equal(old.Id, (await scene.Context().Tags.SingleAsync()).ImageId);
        Assert.False(await scene.Context().AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task SetTag_ImageOfAnotherContainer_IsRefusedAndChangesNothing()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await BwaAsync(scene);
        var old = await scene.AddImageAsync(bwa.Id, "one", tags: ["latest"]);
        var elsewhere = await scene.AddContainerAsync(bwa.CollectionId, "samtools");
        var foreign = await scene.AddImageAsync(elsewhere.Id, "two");

        var result = await scene.Tags().SetTagAsync(bwa.Id, null, "latest", foreign.Id, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.NotFound, result.Error);
        Assert.Equal(old.Id, (await scene.Context().Tags.SingleAsync(t => t.ContainerId == bwa.Id)).ImageId);
        Assert.False(await scene.Context().Tags.AnyAsync(t => t.ContainerId == elsewhere.Id));
    }

    [Fact]
    public async Task SetTag_ArchDifferentFromTheImages_IsAConflict()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await BwaAsync(scene);
        var image = await scene.AddImageAsync(bwa.Id, "one", arch: "arm64");

        var result = await scene.Tags().SetTagAsync(bwa.Id, "amd64", "latest", image.Id, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.Conflict, result.Error);
    }

    [Fact]
    public async Task SetTag_ImageNotUploadedYet_IsAConflict()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await BwaAsync(scene);
        var image = await scene.AddImageAsync(bwa.Id, "one", uploaded: false);

        var result = await scene.Tags().SetTagAsync(bwa.Id, null, "latest", image.Id, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.Conflict, result.Error);
    }

    [Fact]
    public async Task SetTag_InvalidName_SaysWhatIsAllowed()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await BwaAsync(scene);
        var image = await scene.AddImageAsync(bwa.Id, "one");

        var result = await scene.Tags().SetTagAsync(bwa.Id, null, "-bad", image.Id, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.InvalidName, result.Error);
        Assert.Contains("not starting with '.' or '-'", result.Message);
    }

    [Fact]
    public async Task SetTag_BySomeoneWhoOnlySeesTheContainer_IsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await BwaAsync(scene);
        var image = await scene.AddImageAsync(bwa.Id, "one");

        var result = await scene.Tags().SetTagAsync(bwa.Id, null, "latest", image.Id, await scene.CallerAsync("bob"));

        Assert.Equal(RegistryError.Forbidden, result.Error);
    }

    [Fact]
    public async Task GetTags_GroupsByArchitecture()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var bwa = await BwaAsync(scene);
        var amd64 = await scene.AddImageAsync(bwa.Id, "one", tags: ["latest", "v1"]);
        var arm64 = await scene.AddImageAsync(bwa.Id, "two", arch: "arm64", tags: ["latest"]);

        var result = await scene.Tags().GetTagsAsync(bwa.Id, Caller.Anonymous);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(amd64.Id, result.Value["amd64"]["latest"]);
        Assert.Equal(amd64.Id, result.Value["amd64"]["v1"]);
        Assert.Equal(arm64.Id, result.Value["arm64"]["latest"]);
    }

    [Fact]
    public async Task GetTags_PrivateContainer_IsNotFoundForOthers()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var secret = await scene.AddCollectionAsync("alice", "secret", isPrivate: true);
        var bwa = await scene.AddContainerAsync(secret.Id, "bwa");

        Assert.Equal(RegistryError.NotFound, (await scene.Tags().GetTagsAsync(bwa.Id, Caller.Anonymous)).Error);
    }

    private static async Task<Container> BwaAsync(CatalogScene scene)
    {
        var tools = await scene.AddCollectionAsync("alice", "tools");
        return await scene.AddContainerAsync(tools.Id, "bwa");
    }
}
