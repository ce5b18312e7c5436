using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Accounts;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Paging;
using SRegistry.Core.Teams;
using SRegistry.Core.Tests.Catalog;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Teams;

/// <summary>
/// Teams over <see cref="CatalogScene"/>: team <c>lab</c> (owner dave, member carol) owns entity <c>lab</c>.
/// </summary>
[Collection("Postgres")]
public sealed class TeamServiceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Create_BySignedInUser_MakesTheCreatorOwnerAndIsAudited()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Teams().CreateAsync("physics", " Physics group ", await scene.CallerAsync("erin"));

        Assert.True(result.Succeeded, result.Message);
        var team = await scene.Context().Teams.Include(t => t.Members).SingleAsync(t => t.Name == "physics");
        Assert.Equal("Physics group", team.Description);
        var owner = Assert.Single(team.Members);
        Assert.Equal((scene.Users["erin"].Id, TeamRole.Owner), (owner.UserId, owner.Role));
        Assert.Equal("erin", Assert.Single(result.Value.Members).User.UserName);
        var audit = await scene.Context().AuditEvents.SingleAsync();
        Assert.Equal((TeamAuditActions.TeamCreate, "team:physics", "erin"), (audit.Action, audit.Target, audit.Actor));
    }

    [Fact]
    public async Task Create_AnonymousOrTokenWithoutPush_IsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var anonymous = await scene.Teams().CreateAsync("physics", null, Caller.Anonymous);
        var pullOnly = await scene.Teams().CreateAsync("physics", null, await scene.CallerAsync("erin", TokenScopes.Pull));

        Assert.Equal(RegistryError.Forbidden, anonymous.Error);
        Assert.Contains("signed-in", anonymous.Message);
        Assert.Equal(RegistryError.Forbidden, pullOnly.Error);
        Assert.False(await scene.Context().Teams.AnyAsync(t => t.Name == "physics"));
    }

    [Theory]
    [InlineData("lab")]
    [InlineData("alice")]
    public async Task Create_NameOfAnExistingTeamOrUser_IsAlreadyExists(string name)
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Teams().CreateAsync(name, null, await scene.CallerAsync("erin"));

        Assert.Equal(RegistryError.AlreadyExists, result.Error);
        Assert.Equal(1, await scene.Context().Teams.CountAsync());
        Assert.False(await scene.Context().AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task Create_InvalidName_SaysWhatIsAllowed()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Teams().CreateAsync("My Team", null, await scene.CallerAsync("erin"));

        Assert.Equal(RegistryError.InvalidName, result.Error);
        Assert.Contains("team name", result.Message);
    }

    [Fact]
    public async Task Get_SignedIn_HasMembersWithUsersOrderedByName()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Teams().GetAsync("lab", await scene.CallerAsync("erin"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(["carol", "dave"], result.Value.Members.Select(m => m.User.UserName));
        Assert.Equal([TeamRole.Member, TeamRole.Owner], result.Value.Members.Select(m => m.Role));
    }

    [Fact]
    public async Task Get_AnonymousOrUnknown_IsNotFound()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var anonymous = await scene.Teams().GetAsync("lab", Caller.Anonymous);
        var unknown = await scene.Teams().GetAsync("nope", await scene.CallerAsync("erin"));

        Assert.Equal(RegistryError.NotFound, anonymous.Error);
        Assert.Equal(RegistryError.NotFound, unknown.Error);
    }

    [Fact]
    public async Task List_AllOrMine_OrderedByNameAndPaged()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var erin = await scene.CallerAsync("erin");
        await scene.Teams().CreateAsync("zoo", null, erin);
        await scene.Teams().CreateAsync("art", null, await scene.CallerAsync("bob"));

        var all = await scene.Teams().ListAsync(erin, mineOnly: false, PageRequest.First);
        var mine = await scene.Teams().ListAsync(erin, mineOnly: true, PageRequest.First);
        var second = await scene.Teams().ListAsync(erin, mineOnly: false, new PageRequest(2, 2));

        Assert.Equal(["art", "lab", "zoo"], all.Value!.Items.Select(t => t.Name));
        Assert.All(all.Value.Items, t => Assert.Empty(t.Members));
        Assert.Equal(["zoo"], mine.Value!.Items.Select(t => t.Name));
        Assert.Equal(["zoo"], second.Value!.Items.Select(t => t.Name));
        Assert.Equal((3, false), (second.Value.Total, second.Value.HasNext));
    }

    [Fact]
    public async Task List_Anonymous_IsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Teams().ListAsync(Caller.Anonymous, mineOnly: false, PageRequest.First);

        Assert.Equal(RegistryError.Forbidden, result.Error);
    }

    [Fact]
    public async Task SetMember_ByOwner_AddsTheUserAndIsAudited()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Teams().SetMemberAsync("lab", "erin", TeamRole.Member, await scene.CallerAsync("dave"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(("erin", TeamRole.Member), (result.Value.User.UserName, result.Value.Role));
        Assert.True(await scene.Context().TeamMembers.AnyAsync(m => m.TeamId == scene.LabTeamId && m.UserId == scene.Users["erin"].Id));
        var audit = await scene.Context().AuditEvents.SingleAsync();
        Assert.Equal((TeamAuditActions.MemberSet, "team:lab", "dave"), (audit.Action, audit.Target, audit.Actor));
        Assert.Contains("\"erin\"", audit.Details);
    }

    [Fact]
    public async Task SetMember_RoleUnchanged_ChangesNothing()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Teams().SetMemberAsync("lab", "carol", TeamRole.Member, await scene.CallerAsync("dave"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("carol", result.Value.User.UserName);
        Assert.False(await scene.Context().AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task SetMember_ByAdminWhoIsNoMember_PromotesTheMember()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Teams().SetMemberAsync("lab", "carol", TeamRole.Owner, await scene.CallerAsync("admin"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(TeamRole.Owner, (await scene.Context().TeamMembers.SingleAsync(m => m.UserId == scene.Users["carol"].Id)).Role);
    }

    [Fact]
    public async Task SetMember_ByMemberOrNonMember_IsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var byMember = await scene.Teams().SetMemberAsync("lab", "erin", TeamRole.Member, await scene.CallerAsync("carol"));
        var selfPromotion = await scene.Teams().SetMemberAsync("lab", "carol", TeamRole.Owner, await scene.CallerAsync("carol"));
        var byOutsider = await scene.Teams().SetMemberAsync("lab", "erin", TeamRole.Member, await scene.CallerAsync("erin"));
        var ownersPullToken = await scene.Teams().SetMemberAsync("lab", "erin", TeamRole.Member, await scene.CallerAsync("dave", TokenScopes.Pull));

        Assert.Equal(RegistryError.Forbidden, byMember.Error);
        Assert.Equal(RegistryError.Forbidden, selfPromotion.Error);
        Assert.Equal(RegistryError.Forbidden, byOutsider.Error);
        Assert.Equal(RegistryError.Forbidden, ownersPullToken.Error);
        Assert.Equal(2, await scene.Context().TeamMembers.CountAsync());
        Assert.Equal(1, await scene.Context().TeamMembers.CountAsync(m => m.Role == TeamRole.Owner));
    }

    [Fact]
    public async Task SetMember_UnknownTeamUnknownOrInactiveUserOrAnonymous_IsNotFound()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var db = scene.Context();
        (await db.Users.SingleAsync(u => u.UserName == "erin")).IsActive = false;
        await db.SaveChangesAsync();
        var dave = await scene.CallerAsync("dave");

        var unknownTeam = await scene.Teams().SetMemberAsync("nope", "bob", TeamRole.Member, dave);
        var unknownUser = await scene.Teams().SetMemberAsync("lab", "nobody", TeamRole.Member, dave);
        var inactiveUser = await scene.Teams().SetMemberAsync("lab", "erin", TeamRole.Member, dave);
        var anonymous = await scene.Teams().SetMemberAsync("lab", "bob", TeamRole.Member, Caller.Anonymous);

        Assert.Equal(RegistryError.NotFound, unknownTeam.Error);
        Assert.Equal(RegistryError.NotFound, unknownUser.Error);
        Assert.Equal(RegistryError.NotFound, inactiveUser.Error);
        Assert.Equal(RegistryError.NotFound, anonymous.Error);
        Assert.Equal(2, await scene.Context().TeamMembers.CountAsync());
    }

    [Fact]
    public async Task SetMember_DemotingTheLastOwner_IsConflictUntilThereIsAnother()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var dave = await scene.CallerAsync("dave");

        var alone = await scene.Teams().SetMemberAsync("lab", "dave", TeamRole.Member, dave);
        await scene.Teams().SetMemberAsync("lab", "carol", TeamRole.Owner, dave);
        var withAnother = await scene.Teams().SetMemberAsync("lab", "dave", TeamRole.Member, dave);

        Assert.Equal(RegistryError.Conflict, alone.Error);
        Assert.Contains("last owner", alone.Message);
        Assert.True(withAnother.Succeeded, withAnother.Message);
        var owner = await scene.Context().TeamMembers.Include(m => m.User).SingleAsync(m => m.Role == TeamRole.Owner);
        Assert.Equal("carol", owner.User.UserName);
    }

    [Fact]
    public async Task RemoveMember_ByOwner_RemovesAndIsAudited()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Teams().RemoveMemberAsync("lab", "carol", await scene.CallerAsync("dave"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("carol", result.Value.User.UserName);
        Assert.False(await scene.Context().TeamMembers.AnyAsync(m => m.UserId == scene.Users["carol"].Id));
        var audit = await scene.Context().AuditEvents.SingleAsync();
        Assert.Equal((TeamAuditActions.MemberRemove, "team:lab", "dave"), (audit.Action, audit.Target, audit.Actor));
    }

    [Fact]
    public async Task RemoveMember_Themself_LeavesTheTeamAndItsPrivateCollections()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        await scene.AddCollectionAsync("lab", "secret", isPrivate: true);

        var result = await scene.Teams().RemoveMemberAsync("lab", "carol", await scene.CallerAsync("carol"));

        Assert.True(result.Succeeded, result.Message);
        var after = await scene.Collections().GetCollectionAsync("lab", "secret", await scene.CallerAsync("carol"));
        Assert.Equal(RegistryError.NotFound, after.Error);
    }

    [Fact]
    public async Task RemoveMember_SomeoneElseByAMember_IsForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Teams().RemoveMemberAsync("lab", "dave", await scene.CallerAsync("carol"));

        Assert.Equal(RegistryError.Forbidden, result.Error);
        Assert.Equal(2, await scene.Context().TeamMembers.CountAsync());
    }

    [Fact]
    public async Task RemoveMember_NotAMemberUnknownTeamOrAnonymous_IsNotFound()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var dave = await scene.CallerAsync("dave");

        var notMember = await scene.Teams().RemoveMemberAsync("lab", "bob", dave);
        var leavingWithoutBeingIn = await scene.Teams().RemoveMemberAsync("lab", "erin", await scene.CallerAsync("erin"));
        var unknownTeam = await scene.Teams().RemoveMemberAsync("nope", "carol", dave);
        var anonymous = await scene.Teams().RemoveMemberAsync("lab", "carol", Caller.Anonymous);

        Assert.Equal(RegistryError.NotFound, notMember.Error);
        Assert.Equal(RegistryError.NotFound, leavingWithoutBeingIn.Error);
        Assert.Equal(RegistryError.NotFound, unknownTeam.Error);
        Assert.Equal(RegistryError.NotFound, anonymous.Error);
        Assert.Equal(2, await scene.Context().TeamMembers.CountAsync());
    }

    [Fact]
    public async Task RemoveMember_TheLastOwner_IsConflictEvenForAnAdmin()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var leaving = await scene.Teams().RemoveMemberAsync("lab", "dave", await scene.CallerAsync("dave"));
        var byAdmin = await scene.Teams().RemoveMemberAsync("lab", "dave", await scene.CallerAsync("admin"));

        Assert.Equal(RegistryError.Conflict, leaving.Error);
        Assert.Equal(RegistryError.Conflict, byAdmin.Error);
        Assert.True(await scene.Context().TeamMembers.AnyAsync(m => m.UserId == scene.Users["dave"].Id && m.Role == TeamRole.Owner));
    }

    [Fact]
    public async Task RemoveMember_TwoOwnersLeavingAtOnce_OneOwnerStays()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        await scene.Teams().SetMemberAsync("lab", "erin", TeamRole.Owner, await scene.CallerAsync("dave"));
        var dave = await scene.CallerAsync("dave");
        var erin = await scene.CallerAsync("erin");
        var (forDave, forErin) = (scene.Teams(), scene.Teams());

        var results = await Task.WhenAll(
            Task.Run(() => forDave.RemoveMemberAsync("lab", "dave", dave)),
            Task.Run(() => forErin.RemoveMemberAsync("lab", "erin", erin)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.Error == RegistryError.Conflict);
        Assert.Equal(1, await scene.Context().TeamMembers.CountAsync(m => m.Role == TeamRole.Owner));
    }

    [Fact]
    public async Task Delete_WhileOwningAnEntity_IsConflictNamingItThenSucceedsWithMembershipsAndGrants()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var shared = await scene.AddCollectionAsync("alice", "shared", isPrivate: true);
        await scene.AddMemberAsync(shared.Id, CollectionRole.Contributor, teamId: scene.LabTeamId);
        var dave = await scene.CallerAsync("dave");

        var owning = await scene.Teams().DeleteAsync("lab", dave);
        await scene.Context().Entities.Where(e => e.Name == "lab").ExecuteDeleteAsync();
        var deleted = await scene.Teams().DeleteAsync("lab", dave);

        Assert.Equal(RegistryError.Conflict, owning.Error);
        Assert.Contains("'lab'", owning.Message);
        Assert.True(deleted.Succeeded, deleted.Message);
        var db = scene.Context();
        Assert.False(await db.Teams.AnyAsync());
        Assert.False(await db.TeamMembers.AnyAsync());
        Assert.False(await db.CollectionMembers.AnyAsync());
        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal((TeamAuditActions.TeamDelete, "team:lab", "dave"), (audit.Action, audit.Target, audit.Actor));
    }

    [Fact]
    public async Task Delete_ByMemberOrOutsider_IsForbiddenAndByAdminAllowed()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        await scene.Teams().CreateAsync("physics", null, await scene.CallerAsync("erin"));
        await scene.Teams().SetMemberAsync("physics", "bob", TeamRole.Member, await scene.CallerAsync("erin"));

        var byMember = await scene.Teams().DeleteAsync("physics", await scene.CallerAsync("bob"));
        var byOutsider = await scene.Teams().DeleteAsync("physics", await scene.CallerAsync("alice"));
        var byAdmin = await scene.Teams().DeleteAsync("physics", await scene.CallerAsync("admin"));

        Assert.Equal(RegistryError.Forbidden, byMember.Error);
        Assert.Equal(RegistryError.Forbidden, byOutsider.Error);
        Assert.True(byAdmin.Succeeded, byAdmin.Message);
        Assert.False(await scene.Context().Teams.AnyAsync(t => t.Name == "physics"));
    }

    [Fact]
    public async Task Delete_UnknownOrAnonymous_IsNotFound()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var unknown = await scene.Teams().DeleteAsync("nope", await scene.CallerAsync("admin"));
        var anonymous = await scene.Teams().DeleteAsync("lab", Caller.Anonymous);

        Assert.Equal(RegistryError.NotFound, unknown.Error);
        Assert.Equal(RegistryError.NotFound, anonymous.Error);
    }
}
