using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Accounts;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Catalog;

[Collection("Postgres")]
public sealed class CollectionCatalogTests(PostgresFixture postgres)
{
    [Fact]
    public async Task GetCollection_Private_IsNotFoundForAnonymousAndOtherUsers()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        await scene.AddCollectionAsync("alice", "secret", isPrivate: true);

        var anonymous = await scene.Collections().GetCollectionAsync("alice", "secret", Caller.Anonymous);
        var bob = await scene.Collections().GetCollectionAsync("alice", "secret", await scene.CallerAsync("bob"));
        var missing = await scene.Collections().GetCollectionAsync("alice", "missing", await scene.CallerAsync("bob"));

        Assert.Equal(RegistryError.NotFound, anonymous.Error);
        Assert.Equal(RegistryError.NotFound, bob.Error);

        // Invisible reads exactly like absent.
        Assert.Equal(missing.Message.Replace("missing", "secret"), bob.Message);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("admin")]
    public async Task GetCollection_Private_IsVisibleToEntityOwnerAndAdmin(string userName)
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        await scene.AddCollectionAsync("alice", "secret", isPrivate: true);

        var result = await scene.Collections().GetCollectionAsync("alice", "secret", await scene.CallerAsync(userName));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("alice", result.Value.Entity.Name);
    }

    [Fact]
    public async Task GetCollection_PrivateInTeamEntity_IsVisibleToEveryTeamMember()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        await scene.AddCollectionAsync("lab", "secret", isPrivate: true);

        Assert.True((await scene.Collections().GetCollectionAsync("lab", "secret", await scene.CallerAsync("carol"))).Succeeded);
        Assert.True((await scene.Collections().GetCollectionAsync("lab", "secret", await scene.CallerAsync("dave"))).Succeeded);
        Assert.Equal(RegistryError.NotFound, (await scene.Collections().GetCollectionAsync("lab", "secret", await scene.CallerAsync("bob"))).Error);
    }

    [Fact]
    public async Task GetCollection_Private_IsVisibleToCollectionMembersDirectlyOrThroughTheirTeam()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var secret = await scene.AddCollectionAsync("alice", "secret", isPrivate: true);
        await scene.AddMemberAsync(secret.Id, CollectionRole.Contributor, userName: "bob");
        await scene.AddMemberAsync(secret.Id, CollectionRole.Contributor, teamId: scene.LabTeamId);

        Assert.True((await scene.Collections().GetCollectionAsync("alice", "secret", await scene.CallerAsync("bob"))).Succeeded);
        Assert.True((await scene.Collections().GetCollectionAsync("alice", "secret", await scene.CallerAsync("carol"))).Succeeded);
        Assert.Equal(RegistryError.NotFound, (await scene.Collections().GetCollectionAsync("alice", "secret", await scene.CallerAsync("erin"))).Error);
    }

    [Fact]
    public async Task GetCollection_Private_IsHiddenFromTheOwnersBuildOnlyToken()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        await scene.AddCollectionAsync("alice", "secret", isPrivate: true);

        var buildOnly = await scene.Collections().GetCollectionAsync("alice", "secret", await scene.CallerAsync("alice", TokenScopes.Build));
        var pullOnly = await scene.Collections().GetCollectionAsync("alice", "secret", await scene.CallerAsync("alice", TokenScopes.Pull));

        Assert.Equal(RegistryError.NotFound, buildOnly.Error);
        Assert.True(pullOnly.Succeeded);
    }

    [Fact]
    public async Task CreateCollection_InOwnEntity_IsCreatedWithAuditEvent()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var alice = await scene.Context().Entities.SingleAsync(e => e.Name == "alice");

        var result = await scene.Collections().CreateCollectionAsync(alice.Id, "tools", "Bioinformatics", null, await scene.CallerAsync("alice"));

        Assert.True(result.Succeeded, result.Message);
        Assert.False(result.Value.IsPrivate);
        Assert.Equal("alice", result.Value.Entity.Name);
        var audit = await scene.Context().AuditEvents.SingleAsync();
        Assert.Equal((CatalogAuditActions.CollectionCreate, "collection:alice/tools"), (audit.Action, audit.Target));
    }

    [Fact]
    public async Task CreateCollection_InSomeoneElsesEntity_IsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var alice = await scene.Context().Entities.SingleAsync(e => e.Name == "alice");

        var result = await scene.Collections().CreateCollectionAsync(alice.Id, "tools", null, null, await scene.CallerAsync("bob"));

        Assert.Equal(RegistryError.Forbidden, result.Error);
        Assert.False(await scene.Context().Collections.AnyAsync());
    }

    [Fact]
    public async Task CreateCollection_InOwnerlessDefaultEntity_IsAllowedForAnyUserWhoBecomesItsOwner()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        // The schema's migration creates the default entity, owned by nobody.
        var entity = await scene.Context().Entities.SingleAsync(e => e.Name == Entity.DefaultName);
        var bob = await scene.CallerAsync("bob");

        var result = await scene.Collections().CreateCollectionAsync(entity.Id, "tools", null, true, bob);
        var anonymous = await scene.Collections().CreateCollectionAsync(entity.Id, "other", null, null, Caller.Anonymous);
        var pullOnly = await scene.Collections().CreateCollectionAsync(entity.Id, "other", null, null, await scene.CallerAsync("alice", TokenScopes.Pull));

        Assert.True(result.Succeeded, result.Message);
        var member = await scene.Context().CollectionMembers.SingleAsync(m => m.CollectionId == result.Value.Id);
        Assert.Equal((scene.Users["bob"].Id, CollectionRole.Owner), (member.UserId, member.Role));
        Assert.True((await scene.Collections().GetCollectionAsync(Entity.DefaultName, "tools", bob)).Succeeded);
        Assert.Equal(RegistryError.NotFound, (await scene.Collections().GetCollectionAsync(Entity.DefaultName, "tools", await scene.CallerAsync("alice"))).Error);
        Assert.Equal(RegistryError.Forbidden, anonymous.Error);
        Assert.Equal(RegistryError.Forbidden, pullOnly.Error);
    }

    [Fact]
    public async Task CreateCollection_InOwnerlessEntityNotNamedDefault_IsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var db = scene.Context();
        var entity = new Entity { Name = "orphan", CreatedAt = scene.Time.GetUtcNow() };
        db.Entities.Add(entity);
        await db.SaveChangesAsync();

        var result = await scene.Collections().CreateCollectionAsync(entity.Id, "tools", null, null, await scene.CallerAsync("bob"));

        Assert.Equal(RegistryError.Forbidden, result.Error);
    }

    [Fact]
    public async Task CreateCollection_InTeamEntity_IsAllowedForTeamMembers()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var lab = await scene.Context().Entities.SingleAsync(e => e.Name == "lab");

        var result = await scene.Collections().CreateCollectionAsync(lab.Id, "tools", null, null, await scene.CallerAsync("carol"));

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task CreateCollection_WithoutPrivacyChoice_IsPrivateWhenEntityOrRegistryDefaultSaysSo()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var db = scene.Context();
        var alice = await db.Entities.SingleAsync(e => e.Name == "alice");
        var bob = await db.Entities.SingleAsync(e => e.Name == "bob");
        alice.DefaultPrivate = true;
        await db.SaveChangesAsync();
        var admin = await scene.CallerAsync("admin");

        var byEntity = await scene.Collections().CreateCollectionAsync(alice.Id, "one", null, null, admin);
        var byChoice = await scene.Collections().CreateCollectionAsync(alice.Id, "two", null, false, admin);
        var neither = await scene.Collections().CreateCollectionAsync(bob.Id, "three", null, null, admin);
        scene.Settings.DefaultPrivate = true;
        var byRegistry = await scene.Collections().CreateCollectionAsync(bob.Id, "four", null, null, admin);

        Assert.True(byEntity.Value!.IsPrivate);
        Assert.False(byChoice.Value!.IsPrivate);
        Assert.False(neither.Value!.IsPrivate);
        Assert.True(byRegistry.Value!.IsPrivate);
    }

    [Fact]
    public async Task CreateCollection_Duplicate_IsAlreadyExists()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var existing = await scene.AddCollectionAsync("alice", "tools");

        var result = await scene.Collections().CreateCollectionAsync(existing.EntityId, "tools", null, null, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.AlreadyExists, result.Error);
    }

    [Fact]
    public async Task CreateCollection_InvalidName_SaysWhatIsAllowed()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var alice = await scene.Context().Entities.SingleAsync(e => e.Name == "alice");

        var result = await scene.Collections().CreateCollectionAsync(alice.Id, "my tools", null, null, await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.InvalidName, result.Error);
        Assert.Contains("collection name", result.Message);
    }
}
