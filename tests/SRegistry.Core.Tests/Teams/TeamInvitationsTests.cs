using System.Text;
using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Teams;
using SRegistry.Core.Tests.Catalog;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Teams;

/// <summary>
/// Invitation links over <see cref="CatalogScene"/>: team <c>lab</c> (owner dave, member carol); erin
/// and bob are outsiders who get invited.
/// </summary>
[Collection("Postgres")]
public sealed class TeamInvitationsTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public async Task Accept_BeforeExpiry_MakesAMemberAndIsAudited_AfterExpiry_IsRefused()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var created = await scene.Invitations().CreateAsync("lab", Week, await scene.CallerAsync("dave"));
        Assert.True(created.Succeeded, created.Message);

        var joined = await scene.Invitations().AcceptAsync(created.Value.Secret, await scene.CallerAsync("erin"));
        scene.Time.Advance(Week);
        var late = await scene.Invitations().AcceptAsync(created.Value.Secret, await scene.CallerAsync("bob"));

        Assert.True(joined.Succeeded, joined.Message);
        Assert.Equal("lab", joined.Value.Team.Name);
        Assert.Equal(RegistryError.NotFound, late.Error);
        Assert.Contains("expired", late.Message, StringComparison.Ordinal);
        var members = await scene.Context().TeamMembers.Where(m => m.TeamId == scene.LabTeamId).ToDictionaryAsync(m => m.UserId, m => m.Role);
        Assert.Equal(TeamRole.Member, members[scene.Users["erin"].Id]);
        Assert.False(members.ContainsKey(scene.Users["bob"].Id));
        var accepted = await scene.Context().AuditEvents.SingleAsync(e => e.Action == TeamAuditActions.InvitationAccept);
        Assert.Equal(("erin", "team:lab"), (accepted.Actor, accepted.Target));
    }

    [Fact]
    public async Task Accept_AfterRevoke_IsRefused_AndWhoJoinedBeforeStays()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var dave = await scene.CallerAsync("dave");
        var created = await scene.Invitations().CreateAsync("lab", Week, dave);
        await scene.Invitations().AcceptAsync(created.Value!.Secret, await scene.CallerAsync("erin"));

        var revoked = await scene.Invitations().RevokeAsync("lab", created.Value.Invitation.Id, dave);
        var afterRevoke = await scene.Invitations().AcceptAsync(created.Value.Secret, await scene.CallerAsync("bob"));
        var opened = await scene.Invitations().OpenAsync(created.Value.Secret, await scene.CallerAsync("bob"));

        Assert.True(revoked.Succeeded, revoked.Message);
        Assert.Equal(RegistryError.NotFound, afterRevoke.Error);
        Assert.Equal(RegistryError.NotFound, opened.Error);
        var memberIds = await scene.Context().TeamMembers.Where(m => m.TeamId == scene.LabTeamId).Select(m => m.UserId).ToListAsync();
        Assert.Contains(scene.Users["erin"].Id, memberIds);
        Assert.DoesNotContain(scene.Users["bob"].Id, memberIds);
    }

    [Fact]
    public async Task Accept_Twice_JoinsOnce_AndALinkServesSeveralPeople()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var created = await scene.Invitations().CreateAsync("lab", Week, await scene.CallerAsync("dave"));
        var erin = await scene.CallerAsync("erin");

        var first = await scene.Invitations().AcceptAsync(created.Value!.Secret, erin);
        var second = await scene.Invitations().AcceptAsync(created.Value.Secret, await scene.CallerAsync("erin"));
        var bob = await scene.Invitations().AcceptAsync(created.Value.Secret, await scene.CallerAsync("bob"));

        Assert.True(first.Succeeded && second.Succeeded && bob.Succeeded, second.Message);
        Assert.Equal(1, await scene.Context().TeamMembers.CountAsync(m => m.UserId == scene.Users["erin"].Id));
        Assert.Equal(2, (await scene.Context().TeamInvitations.SingleAsync()).UseCount);
        Assert.Equal(2, await scene.Context().AuditEvents.CountAsync(e => e.Action == TeamAuditActions.InvitationAccept));
    }

    [Fact]
    public async Task Accept_ByAnOwner_KeepsTheOwnerRole()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var dave = await scene.CallerAsync("dave");
        var created = await scene.Invitations().CreateAsync("lab", Week, dave);

        var accepted = await scene.Invitations().AcceptAsync(created.Value!.Secret, dave);

        Assert.Equal(TeamRole.Owner, accepted.Value?.Role);
        Assert.Equal(TeamRole.Owner, (await scene.Context().TeamMembers.SingleAsync(m => m.UserId == scene.Users["dave"].Id)).Role);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("inv_short")]
    [InlineData("inv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Accept_UnknownSecret_IsNotFoundAndChangesNothing(string? secret)
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        await scene.Invitations().CreateAsync("lab", Week, await scene.CallerAsync("dave"));

        var result = await scene.Invitations().AcceptAsync(secret, await scene.CallerAsync("erin"));

        Assert.Equal(RegistryError.NotFound, result.Error);
        Assert.False(await scene.Context().TeamMembers.AnyAsync(m => m.UserId == scene.Users["erin"].Id));
    }

    [Fact]
    public async Task Accept_Anonymous_IsRefused()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var created = await scene.Invitations().CreateAsync("lab", Week, await scene.CallerAsync("dave"));

        var result = await scene.Invitations().AcceptAsync(created.Value!.Secret, Caller.Anonymous);

        Assert.Equal(RegistryError.Forbidden, result.Error);
        Assert.Equal(2, await scene.Context().TeamMembers.CountAsync());
    }

    [Fact]
    public async Task Create_StoresOnlyTheSecretsHash()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var created = await scene.Invitations().CreateAsync("lab", Week, await scene.CallerAsync("dave"));

        var stored = await scene.Context().TeamInvitations.SingleAsync();
        Assert.StartsWith(TeamInvitations.Secrets.Prefix, created.Value!.Secret, StringComparison.Ordinal);
        Assert.NotEqual(Encoding.UTF8.GetBytes(created.Value.Secret), stored.SecretHash);
        Assert.Equal(SRegistry.Core.Security.SecretFormat.Hash(created.Value.Secret), stored.SecretHash);
        Assert.Equal(scene.Time.GetUtcNow() + Week, stored.ExpiresAt);
        Assert.DoesNotContain(created.Value.Secret, (await scene.Context().AuditEvents.SingleAsync()).Details ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateListRevoke_ByAMemberOrOutsider_AreRefused()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var created = await scene.Invitations().CreateAsync("lab", Week, await scene.CallerAsync("dave"));
        var carol = await scene.CallerAsync("carol");

        var byMember = await scene.Invitations().CreateAsync("lab", Week, carol);
        var list = await scene.Invitations().ListAsync("lab", carol);
        var revoke = await scene.Invitations().RevokeAsync("lab", created.Value!.Invitation.Id, await scene.CallerAsync("erin"));
        var anonymous = await scene.Invitations().CreateAsync("lab", Week, Caller.Anonymous);

        Assert.Equal(RegistryError.Forbidden, byMember.Error);
        Assert.Equal(RegistryError.Forbidden, list.Error);
        Assert.Equal(RegistryError.Forbidden, revoke.Error);
        Assert.Equal(RegistryError.NotFound, anonymous.Error);
        Assert.Null((await scene.Context().TeamInvitations.SingleAsync()).RevokedAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31 * 24)]
    public async Task Create_WithLifetimeOutOfRange_IsRefused(int hours)
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Invitations().CreateAsync("lab", TimeSpan.FromHours(hours), await scene.CallerAsync("dave"));

        Assert.Equal(RegistryError.InvalidExpiry, result.Error);
        Assert.False(await scene.Context().TeamInvitations.AnyAsync());
    }
}
