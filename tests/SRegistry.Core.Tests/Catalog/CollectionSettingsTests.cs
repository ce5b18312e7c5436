using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Catalog;

[Collection("Postgres")]
public sealed class CollectionSettingsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Update_MakingPrivate_HidesItFromOthersAndIsAudited()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");

        var result = await Settings(scene).UpdateAsync(tools.Id, "aligners", true, await scene.CallerAsync("alice"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("aligners", result.Value.Description);
        var seenByBob = await scene.Collections().GetCollectionAsync("alice", "tools", await scene.CallerAsync("bob"));
        Assert.Equal(RegistryError.NotFound, seenByBob.Error);
        Assert.True(await scene.Context().AuditEvents.AnyAsync(e => e.Action == CatalogAuditActions.CollectionHide && e.Actor == "alice"));
    }

    [Fact]
    public async Task Update_ByContributor_IsForbiddenAndChangesNothing()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");
        await scene.AddMemberAsync(tools.Id, CollectionRole.Contributor, userName: "bob");

        var result = await Settings(scene).UpdateAsync(tools.Id, null, true, await scene.CallerAsync("bob"));

        Assert.Equal(RegistryError.Forbidden, result.Error);
        Assert.False((await scene.Context().Collections.SingleAsync(c => c.Id == tools.Id)).IsPrivate);
    }

    [Fact]
    public async Task SetMember_AnyUserOrTeam_GainsThatRole_UnknownNamesAreNotFound()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools", isPrivate: true);
        var alice = await scene.CallerAsync("alice");

        var erin = await Settings(scene).SetMemberAsync(tools.Id, MemberKind.User, "erin", CollectionRole.Contributor, alice);
        var lab = await Settings(scene).SetMemberAsync(tools.Id, MemberKind.Team, "lab", CollectionRole.Owner, alice);
        var ghost = await Settings(scene).SetMemberAsync(tools.Id, MemberKind.User, "ghost", CollectionRole.Owner, alice);

        Assert.True(erin.Succeeded, erin.Message);
        Assert.True(lab.Succeeded, lab.Message);
        Assert.Equal(RegistryError.NotFound, ghost.Error);
        Assert.True((await scene.Collections().GetCollectionAsync("alice", "tools", await scene.CallerAsync("erin"))).Succeeded);
        var members = await Settings(scene).ListMembersAsync(tools.Id, alice);
        Assert.Equal(["erin:Contributor", "lab:Owner"], members.Value!.Select(m => $"{m.User?.UserName ?? m.Team!.Name}:{m.Role}"));
    }

    [Fact]
    public async Task RemoveMember_LastOwnerOfDefaultEntityCollection_IsRefused()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var shared = await scene.AddCollectionAsync(Entity.DefaultName, "shared");
        await scene.AddMemberAsync(shared.Id, CollectionRole.Owner, userName: "bob");
        var bob = await scene.CallerAsync("bob");

        var removed = await Settings(scene).RemoveMemberAsync(shared.Id, MemberKind.User, "bob", bob);
        var demoted = await Settings(scene).SetMemberAsync(shared.Id, MemberKind.User, "bob", CollectionRole.Contributor, bob);

        Assert.Equal(RegistryError.Conflict, removed.Error);
        Assert.Equal(RegistryError.Conflict, demoted.Error);
        Assert.Equal(CollectionRole.Owner, (await scene.Context().CollectionMembers.SingleAsync(m => m.CollectionId == shared.Id)).Role);
    }

    [Fact]
    public async Task Delete_RemovesContainersImagesAndTags_ButNotWhileAContainerIsFrozen()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");
        var bwa = await scene.AddContainerAsync(tools.Id, "bwa");
        var frozen = await scene.AddContainerAsync(tools.Id, "samtools", frozen: true);
        await scene.AddImageAsync(bwa.Id, "bwa-1", tags: ["latest"]);
        var alice = await scene.CallerAsync("alice");

        var refused = await Settings(scene).DeleteAsync(tools.Id, alice);
        await scene.Containers().SetFrozenAsync(frozen.Id, false, alice);
        var deleted = await Settings(scene).DeleteAsync(tools.Id, alice);

        Assert.Equal(RegistryError.Frozen, refused.Error);
        Assert.Contains("samtools", refused.Message, StringComparison.Ordinal);
        Assert.True(deleted.Succeeded, deleted.Message);
        var db = scene.Context();
        Assert.False(await db.Collections.AnyAsync(c => c.Id == tools.Id));
        Assert.False(await db.Containers.AnyAsync(c => c.CollectionId == tools.Id));
        Assert.False(await db.Images.AnyAsync());
        Assert.False(await db.Tags.AnyAsync());
    }

    [Fact]
    public async Task Delete_ByOutsiderOfPrivateCollection_IsNotFound_ByContributor_IsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools", isPrivate: true);
        await scene.AddMemberAsync(tools.Id, CollectionRole.Contributor, userName: "bob");

        var byOutsider = await Settings(scene).DeleteAsync(tools.Id, await scene.CallerAsync("erin"));
        var byContributor = await Settings(scene).DeleteAsync(tools.Id, await scene.CallerAsync("bob"));

        Assert.Equal(RegistryError.NotFound, byOutsider.Error);
        Assert.Equal(RegistryError.Forbidden, byContributor.Error);
        Assert.True(await scene.Context().Collections.AnyAsync(c => c.Id == tools.Id));
    }

    private static CollectionSettings Settings(CatalogScene scene)
    {
        var db = scene.Context();
        return new CollectionSettings(db, new AuditLog(db, scene.Time), scene.Time);
    }
}
