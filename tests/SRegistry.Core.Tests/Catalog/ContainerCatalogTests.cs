using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Catalog;

[Collection("Postgres")]
public sealed class ContainerCatalogTests(PostgresFixture postgres)
{
    [Fact]
    public async Task SetFrozen_ByContributor_IsForbiddenAndLeavesItWritable()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");
        await scene.AddMemberAsync(tools.Id, CollectionRole.Contributor, userName: "bob");
        var bwa = await scene.AddContainerAsync(tools.Id, "bwa");

        var result = await scene.Containers().SetFrozenAsync(bwa.Id, true, await scene.CallerAsync("bob"));

        Assert.Equal(RegistryError.Forbidden, result.Error);
        Assert.False((await scene.Context().Containers.SingleAsync(c => c.Id == bwa.Id)).IsFrozen);
    }

    [Fact]
    public async Task SetFrozen_ByOwnerAndBySystem_FreezesAndThawsWithAuditEvents()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");
        var bwa = await scene.AddContainerAsync(tools.Id, "bwa");

        var frozen = await scene.Containers().SetFrozenAsync(bwa.Id, true, await scene.CallerAsync("alice"));
        var thawed = await scene.Containers().SetFrozenAsync(bwa.Id, false, Caller.System);

        Assert.True(frozen.Succeeded, frozen.Message);
        Assert.True(thawed.Succeeded, thawed.Message);
        Assert.False((await scene.Context().Containers.SingleAsync(c => c.Id == bwa.Id)).IsFrozen);
        var actions = await scene.Context().AuditEvents.OrderBy(e => e.Id).Select(e => new { e.Action, e.Actor }).ToListAsync();
        Assert.Equal([new { Action = "container.freeze", Actor = "alice" }, new { Action = "container.unfreeze", Actor = "system" }], actions);
    }

    [Fact]
    public async Task CreateContainer_ByCollectionContributor_IsCreatedWithAuditEvent()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");
        await scene.AddMemberAsync(tools.Id, CollectionRole.Contributor, userName: "bob");

        var result = await scene.Containers().CreateContainerAsync(tools.Id, "bwa", null, await scene.CallerAsync("bob"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("alice", result.Value.Collection.Entity.Name);
        var audit = await scene.Context().AuditEvents.SingleAsync();
        Assert.Equal((CatalogAuditActions.ContainerCreate, "container:alice/tools/bwa", "bob"), (audit.Action, audit.Target, audit.Actor));
    }

    [Fact]
    public async Task CreateContainer_InPublicCollectionOfSomeoneElse_IsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");

        var result = await scene.Containers().CreateContainerAsync(tools.Id, "bwa", null, await scene.CallerAsync("bob"));

        Assert.Equal(RegistryError.Forbidden, result.Error);
    }

    [Fact]
    public async Task CreateContainer_InPrivateCollectionOfSomeoneElse_IsNotFound()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var secret = await scene.AddCollectionAsync("alice", "secret", isPrivate: true);

        var result = await scene.Containers().CreateContainerAsync(secret.Id, "bwa", null, await scene.CallerAsync("bob"));

        Assert.Equal(RegistryError.NotFound, result.Error);
    }

    [Fact]
    public async Task CreateContainer_Duplicate_IsAlreadyExists()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");
        await scene.AddContainerAsync(tools.Id, "bwa");

        var result = await scene.Containers().CreateContainerAsync(tools.Id, "bwa", null, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.AlreadyExists, result.Error);
    }

    [Fact]
    public async Task GetContainer_ByNameOrId_LoadsImagesTagsAndPath()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");
        var bwa = await scene.AddContainerAsync(tools.Id, "bwa");
        await scene.AddImageAsync(bwa.Id, "one", tags: ["latest", "v1"]);

        var byName = await scene.Containers().GetContainerAsync("alice", "tools", "bwa", Caller.Anonymous);
        var byId = await scene.Containers().GetContainerByIdAsync(bwa.Id, Caller.Anonymous);

        Assert.True(byName.Succeeded, byName.Message);
        Assert.Equal("alice", byName.Value.Collection.Entity.Name);
        Assert.Single(byName.Value.Images);
        Assert.Equal(new[] { "latest", "v1" }, byName.Value.Tags.Select(t => t.Name));
        Assert.Equal(bwa.Id, byId.Value!.Id);
    }

    [Fact]
    public async Task GetContainer_InPrivateCollection_IsNotFoundForOthersByNameAndId()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var secret = await scene.AddCollectionAsync("alice", "secret", isPrivate: true);
        var bwa = await scene.AddContainerAsync(secret.Id, "bwa");

        Assert.Equal(RegistryError.NotFound, (await scene.Containers().GetContainerAsync("alice", "secret", "bwa", Caller.Anonymous)).Error);
        Assert.Equal(RegistryError.NotFound, (await scene.Containers().GetContainerByIdAsync(bwa.Id, await scene.CallerAsync("bob"))).Error);
        Assert.True((await scene.Containers().GetContainerByIdAsync(bwa.Id, await scene.CallerAsync("alice"))).Succeeded);
    }
}
