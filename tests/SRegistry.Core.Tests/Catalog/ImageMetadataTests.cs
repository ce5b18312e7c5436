using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Catalog;

/// <summary>Labels, tag removal and container settings: what owners and contributors change after a push.</summary>
[Collection("Postgres")]
public sealed class ImageMetadataTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Label_SetReplaceRemove_ByContributor_Works_ByOutsiderIsNotFound()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var (tools, image) = await ImageAsync(scene, isPrivate: true);
        await scene.AddMemberAsync(tools.Id, CollectionRole.Contributor, userName: "bob");
        var bob = await scene.CallerAsync("bob");

        await Labels(scene).SetAsync(image.Id, "org.doi", "10.1000/1", bob);
        var replaced = await Labels(scene).SetAsync(image.Id, "org.doi", "10.1000/2", bob);
        var byOutsider = await Labels(scene).SetAsync(image.Id, "x", "y", await scene.CallerAsync("erin"));

        Assert.True(replaced.Succeeded, replaced.Message);
        Assert.Equal(RegistryError.NotFound, byOutsider.Error);
        Assert.Equal("10.1000/2", (await scene.Context().Labels.SingleAsync()).Value);
        Assert.True((await Labels(scene).RemoveAsync(image.Id, "org.doi", bob)).Succeeded);
        Assert.Equal(RegistryError.NotFound, (await Labels(scene).RemoveAsync(image.Id, "org.doi", bob)).Error);
    }

    [Theory]
    [InlineData("", "v")]
    [InlineData("bad\u0001key", "v")]
    [InlineData("k", "bad\u0000value")]
    public async Task Label_Malformed_IsRefused(string key, string value)
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var (_, image) = await ImageAsync(scene);

        var result = await Labels(scene).SetAsync(image.Id, key, value, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.InvalidName, result.Error);
        Assert.False(await scene.Context().Labels.AnyAsync());
    }

    [Fact]
    public async Task DeleteTag_RemovesTheTagAndKeepsTheImage_OnFrozenContainerIsRefused()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var (_, image) = await ImageAsync(scene);
        var alice = await scene.CallerAsync("alice");

        var deleted = await scene.Tags().DeleteTagAsync(image.ContainerId, null, "latest", alice);
        var again = await scene.Tags().DeleteTagAsync(image.ContainerId, null, "latest", alice);
        await scene.Tags().SetTagAsync(image.ContainerId, null, "v1", image.Id, alice);
        await scene.Containers().SetFrozenAsync(image.ContainerId, true, alice);
        var frozen = await scene.Tags().DeleteTagAsync(image.ContainerId, null, "v1", alice);

        Assert.True(deleted.Succeeded, deleted.Message);
        Assert.Equal(RegistryError.NotFound, again.Error);
        Assert.Equal(RegistryError.Frozen, frozen.Error);
        Assert.True(await scene.Context().Images.AnyAsync(i => i.Id == image.Id));
        Assert.Equal(["v1"], await scene.Context().Tags.Select(t => t.Name).ToListAsync());
    }

    [Fact]
    public async Task DeleteContainer_RemovesItsImages_ByContributorIsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var (tools, image) = await ImageAsync(scene);
        await scene.AddMemberAsync(tools.Id, CollectionRole.Contributor, userName: "bob");

        var byContributor = await Containers(scene).DeleteAsync(image.ContainerId, await scene.CallerAsync("bob"));
        var byOwner = await Containers(scene).DeleteAsync(image.ContainerId, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.Forbidden, byContributor.Error);
        Assert.True(byOwner.Succeeded, byOwner.Message);
        Assert.False(await scene.Context().Images.AnyAsync());
        Assert.False(await scene.Context().Containers.AnyAsync());
    }

    [Fact]
    public async Task DeleteContainerAndCollection_WithOciManifests_RemoveThemToo()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var (tools, image) = await ImageAsync(scene);
        var other = await scene.AddContainerAsync(tools.Id, "alpine");
        var db = scene.Context();
        foreach (var containerId in new[] { image.ContainerId, other.Id })
        {
            var manifest = new Manifest
            {
                ContainerId = containerId, Digest = CatalogScene.Digest($"manifest-{containerId}").Hex, MediaType = "application/vnd.oci.image.manifest.v1+json",
                Size = 2, Content = "{}"u8.ToArray(), CreatedAt = scene.Time.GetUtcNow(),
            };
            db.Manifests.Add(manifest);
            db.ManifestTags.Add(new ManifestTag { ContainerId = containerId, Name = "3", Manifest = manifest, UpdatedAt = scene.Time.GetUtcNow() });
        }

        await db.SaveChangesAsync();
        var alice = await scene.CallerAsync("alice");

        var container = await Containers(scene).DeleteAsync(image.ContainerId, alice);
        var settingsDb = scene.Context();
        var collection = await new CollectionSettings(settingsDb, new AuditLog(settingsDb, scene.Time), scene.Time).DeleteAsync(tools.Id, alice);

        Assert.True(container.Succeeded, container.Message);
        Assert.True(collection.Succeeded, collection.Message);
        Assert.False(await scene.Context().Manifests.AnyAsync());
        Assert.False(await scene.Context().ManifestTags.AnyAsync());
        Assert.False(await scene.Context().Containers.AnyAsync());
    }

    private static async Task<(Collection Collection, Image Image)> ImageAsync(CatalogScene scene, bool isPrivate = false)
    {
        var tools = await scene.AddCollectionAsync("alice", "tools", isPrivate);
        var bwa = await scene.AddContainerAsync(tools.Id, "bwa");
        return (tools, await scene.AddImageAsync(bwa.Id, "bwa-1", tags: ["latest"]));
    }

    private static LabelCatalog Labels(CatalogScene scene)
    {
        var db = scene.Context();
        return new LabelCatalog(db, new AuditLog(db, scene.Time));
    }

    private static ContainerSettings Containers(CatalogScene scene)
    {
        var db = scene.Context();
        return new ContainerSettings(db, new AuditLog(db, scene.Time), scene.Time);
    }
}
