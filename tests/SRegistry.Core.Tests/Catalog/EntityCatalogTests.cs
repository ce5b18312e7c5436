using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Accounts;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Catalog;

[Collection("Postgres")]
public sealed class EntityCatalogTests(PostgresFixture postgres)
{
    [Fact]
    public async Task CreateEntity_OwnUserName_IsOwnedByTheUserAndAudited()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Entities().CreateEntityAsync("erin", " Erin's images ", null, await scene.CallerAsync("erin"));

        Assert.True(result.Succeeded, result.Message);
        var entity = await scene.Context().Entities.SingleAsync(e => e.Name == "erin");
        Assert.Equal(scene.Users["erin"].Id, entity.OwnerUserId);
        Assert.Equal("Erin's images", entity.Description);
        var audit = await scene.Context().AuditEvents.SingleAsync();
        Assert.Equal((CatalogAuditActions.EntityCreate, "entity:erin", "erin"), (audit.Action, audit.Target, audit.Actor));
    }

    [Fact]
    public async Task CreateEntity_SomeoneElsesName_IsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Entities().CreateEntityAsync("erin", null, null, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.Forbidden, result.Error);
        Assert.Contains("'alice'", result.Message);
        Assert.False(await scene.Context().Entities.AnyAsync(e => e.Name == "erin"));
    }

    [Fact]
    public async Task CreateEntity_TeamTheUserOwns_IsOwnedByTheTeam()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        await RemoveLabEntityAsync(scene);

        var result = await scene.Entities().CreateEntityAsync("lab", null, null, await scene.CallerAsync("dave"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(scene.LabTeamId, result.Value.OwnerTeamId);
        Assert.Null(result.Value.OwnerUserId);
    }

    [Fact]
    public async Task CreateEntity_TeamTheUserOnlyBelongsTo_IsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        await RemoveLabEntityAsync(scene);

        var result = await scene.Entities().CreateEntityAsync("lab", null, null, await scene.CallerAsync("carol"));

        Assert.Equal(RegistryError.Forbidden, result.Error);
    }

    [Fact]
    public async Task CreateEntity_AdminAnyName_IsOwnedByTheNamesakeUserOrNobody()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var admin = await scene.CallerAsync("admin");

        var forErin = await scene.Entities().CreateEntityAsync("erin", null, null, admin);
        var shared = await scene.Entities().CreateEntityAsync("shared", null, null, admin);

        Assert.Equal(scene.Users["erin"].Id, forErin.Value!.OwnerUserId);
        Assert.True(shared.Succeeded, shared.Message);
        Assert.Null(shared.Value.OwnerUserId);
        Assert.Null(shared.Value.OwnerTeamId);
    }

    [Fact]
    public async Task CreateEntity_AnonymousOrTokenWithoutPush_IsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var anonymous = await scene.Entities().CreateEntityAsync("erin", null, null, Caller.Anonymous);
        var pullOnly = await scene.Entities().CreateEntityAsync("erin", null, null, await scene.CallerAsync("erin", TokenScopes.Pull));

        Assert.Equal(RegistryError.Forbidden, anonymous.Error);
        Assert.Equal(RegistryError.Forbidden, pullOnly.Error);
        Assert.Contains("push", pullOnly.Message);
    }

    [Fact]
    public async Task CreateEntity_Existing_IsAlreadyExists()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Entities().CreateEntityAsync("alice", null, null, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.AlreadyExists, result.Error);
    }

    [Fact]
    public async Task CreateEntity_InvalidName_SaysWhatIsAllowed()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Entities().CreateEntityAsync("Erin", null, null, await scene.CallerAsync("admin"));

        Assert.Equal(RegistryError.InvalidName, result.Error);
        Assert.Contains("lowercase letters a-z", result.Message);
    }

    [Fact]
    public async Task CreateEntity_WithoutPrivacyChoice_UsesTheConfiguredDefault()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        scene.Settings.DefaultPrivate = true;

        var result = await scene.Entities().CreateEntityAsync("erin", null, null, await scene.CallerAsync("erin"));

        Assert.True(result.Value!.DefaultPrivate);
    }

    [Fact]
    public async Task GetEntity_ListsOnlyCollectionsTheCallerMaySee()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        await scene.AddCollectionAsync("alice", "public");
        await scene.AddCollectionAsync("alice", "secret", isPrivate: true);

        var forBob = await scene.Entities().GetEntityAsync("alice", await scene.CallerAsync("bob"));
        var forAlice = await scene.Entities().GetEntityAsync("alice", await scene.CallerAsync("alice"));

        Assert.Equal(new[] { "public" }, forBob.Value!.Collections.Select(c => c.Name));
        Assert.Equal(new[] { "public", "secret" }, forAlice.Value!.Collections.Select(c => c.Name));
    }

    [Fact]
    public async Task GetEntity_Missing_IsNotFound()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        Assert.Equal(RegistryError.NotFound, (await scene.Entities().GetEntityAsync("nobody", Caller.Anonymous)).Error);
    }

    [Fact]
    public async Task GetUsage_CountsUploadedContentOnceAndReportsQuota()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");
        var bwa = await scene.AddContainerAsync(tools.Id, "bwa");
        var samtools = await scene.AddContainerAsync(tools.Id, "samtools");
        await scene.AddImageAsync(bwa.Id, "one");
        await scene.AddImageAsync(samtools.Id, "one");
        await scene.AddImageAsync(bwa.Id, "three", arch: "arm64");
        await scene.AddImageAsync(bwa.Id, "not-yet", uploaded: false);
        var db = scene.Context();
        var alice = await db.Entities.SingleAsync(e => e.Name == "alice");
        alice.QuotaBytes = 1_000_000;
        await db.SaveChangesAsync();

        var usage = await scene.Entities().GetUsageAsync(alice.Id);

        Assert.Equal(new QuotaUsage("one".Length * 1000L + "three".Length * 1000L, 1_000_000), usage.Value);
    }

    private static async Task RemoveLabEntityAsync(CatalogScene scene)
    {
        var db = scene.Context();
        db.Entities.Remove(await db.Entities.SingleAsync(e => e.Name == "lab"));
        await db.SaveChangesAsync();
    }
}
