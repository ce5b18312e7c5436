using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Persistence;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Accounts;

[Collection("Postgres")]
public sealed class PasswordSignInTests(PostgresFixture postgres)
{
    private readonly ManualTimeProvider time = new();
    private readonly FakeDirectory directory = new();

    [Fact]
    public async Task LocalPassword_SignsInWhileTheDirectoryIsDown()
    {
        await using var db = postgres.CreateContext(await postgres.CreateDatabaseAsync());
        await AccountServices.Accounts(db, time).CreateUserAsync("local", null, "local-password", false, Actor.System);
        directory.Down = true;

        var result = await SignIn(db).SignInAsync("local", "local-password", CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("local", result.User.UserName);
        Assert.Equal(0, directory.SignInCalls);
    }

    [Fact]
    public async Task DirectoryDown_UnknownPassword_IsReportedAsUnavailableNotInvalid()
    {
        await using var db = postgres.CreateContext(await postgres.CreateDatabaseAsync());
        await AccountServices.Accounts(db, time).CreateUserAsync("local", null, "local-password", false, Actor.System);
        directory.Down = true;

        var result = await SignIn(db).SignInAsync("alice", "alice-password", CancellationToken.None);
        var wrongLocal = await SignIn(db).SignInAsync("local", "wrong-password", CancellationToken.None);

        Assert.Equal(PasswordSignInOutcome.DirectoryUnavailable, result.Outcome);
        Assert.Contains("fake", result.Message);
        Assert.Contains("unavailable", result.Message);
        Assert.Equal(PasswordSignInOutcome.DirectoryUnavailable, wrongLocal.Outcome);
    }

    [Theory]
    [InlineData("alice", "")]
    [InlineData("", "alice-password")]
    public async Task EmptyNameOrPassword_IsInvalidWithoutAskingTheDirectory(string userName, string password)
    {
        await using var db = postgres.CreateContext(await postgres.CreateDatabaseAsync());
        directory.Add("alice", "alice-password", "s-alice");

        var result = await SignIn(db).SignInAsync(userName, password, CancellationToken.None);

        Assert.Equal(PasswordSignInOutcome.InvalidCredentials, result.Outcome);
        Assert.Equal(0, directory.SignInCalls);
    }

    [Fact]
    public async Task WrongDirectoryPassword_IsInvalid()
    {
        await using var db = postgres.CreateContext(await postgres.CreateDatabaseAsync());
        directory.Add("alice", "alice-password", "s-alice");

        var result = await SignIn(db).SignInAsync("alice", "wrong", CancellationToken.None);

        Assert.Equal(PasswordSignInOutcome.InvalidCredentials, result.Outcome);
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task FirstDirectorySignIn_ProvisionsALinkedAccountWithANormalisedName()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        directory.Add("Alice Smith", "alice-password", "s-alice");

        var result = await SignIn(db).SignInAsync("Alice Smith", "alice-password", CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        await using var check = postgres.CreateContext(cs);
        var user = await check.Users.SingleAsync();
        Assert.Equal("alice-smith", user.UserName);
        Assert.Equal(("fake", "s-alice"), (user.ExternalProvider, user.ExternalSubject));
        Assert.Equal("Alice Smith@example.org", user.Email);
        Assert.Null(user.PasswordHash);
        Assert.Equal(time.GetUtcNow(), user.LastDirectoryCheckAt);
        Assert.True(await check.Entities.AnyAsync(e => e.Name == "alice-smith" && e.OwnerUserId == user.Id));
        var actions = await check.AuditEvents.Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.UserCreate, actions);
        Assert.Contains(AuditActions.UserExternalLink, actions);
    }

    [Fact]
    public async Task RenamedInTheDirectory_KeepsTheSameAccountAndRefreshesDetails()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        directory.Add("alice", "alice-password", "s-alice");
        var first = await SignIn(db).SignInAsync("alice", "alice-password", CancellationToken.None);
        directory.Add("alice.liddell", "alice-password", "s-alice");

        var renamed = await SignIn(db).SignInAsync("alice.liddell", "alice-password", CancellationToken.None);

        Assert.True(renamed.Succeeded, renamed.Message);
        Assert.Equal(first.User!.Id, renamed.User.Id);
        await using var check = postgres.CreateContext(cs);
        var user = await check.Users.SingleAsync();
        Assert.Equal("alice", user.UserName);
        Assert.Equal("alice.liddell@example.org", user.Email);
    }

    [Fact]
    public async Task DirectoryNameOfAnUnlinkedLocalAccount_IsRefusedNotMerged()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        await AccountServices.Accounts(db, time).CreateUserAsync("alice", null, "local-password", false, Actor.System);
        directory.Add("alice", "directory-password", "s-alice", "admins");

        var result = await SignIn(db, Admins("admins")).SignInAsync("alice", "directory-password", CancellationToken.None);

        Assert.Equal(PasswordSignInOutcome.Refused, result.Outcome);
        Assert.Contains("already exists", result.Message);
        await using var check = postgres.CreateContext(cs);
        var local = await check.Users.SingleAsync();
        Assert.Null(local.ExternalSubject);
        Assert.False(local.IsAdmin);
    }

    [Fact]
    public async Task DisabledLinkedAccount_IsRefused()
    {
        await using var db = postgres.CreateContext(await postgres.CreateDatabaseAsync());
        directory.Add("alice", "alice-password", "s-alice");
        await SignIn(db).SignInAsync("alice", "alice-password", CancellationToken.None);
        await AccountServices.Accounts(db, time).SetActiveAsync("alice", false, Actor.System);

        var result = await SignIn(db).SignInAsync("alice", "alice-password", CancellationToken.None);

        Assert.Equal(PasswordSignInOutcome.Refused, result.Outcome);
        Assert.Contains("disabled", result.Message);
    }

    [Fact]
    public async Task AdminGroup_GrantsAdminAndLeavingItRevokes()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        directory.Add("alice", "alice-password", "s-alice", "Registry-Admins");
        var granted = (await SignIn(db, Admins("registry-admins")).SignInAsync("alice", "alice-password", CancellationToken.None)).User!.IsAdmin;
        directory.Add("alice", "alice-password", "s-alice", "developers");

        var revoked = await SignIn(db, Admins("registry-admins")).SignInAsync("alice", "alice-password", CancellationToken.None);

        Assert.True(granted);
        Assert.False(revoked.User!.IsAdmin);
        await using var check = postgres.CreateContext(cs);
        Assert.False((await check.Users.SingleAsync()).IsAdmin);
        var actions = await check.AuditEvents.Where(a => a.Target == "user:alice").Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.UserAdminGrant, actions);
        Assert.Contains(AuditActions.UserAdminRevoke, actions);
    }

    [Fact]
    public async Task TeamGroups_JoinAndLeaveMappedTeamsOnly()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        var options = new ExternalAccountOptions();
        options.ExternalGroups.Teams["developers"] = "devs";
        directory.Add("alice", "alice-password", "s-alice", "developers");
        var joined = await SignIn(db, options).SignInAsync("alice", "alice-password", CancellationToken.None);
        db.Teams.Add(new Domain.Team { Name = "manual", Members = [new Domain.TeamMember { UserId = joined.User!.Id }] });
        await db.SaveChangesAsync();
        var afterJoin = await TeamsOfAliceAsync(cs);
        directory.Add("alice", "alice-password", "s-alice");

        await SignIn(db, options).SignInAsync("alice", "alice-password", CancellationToken.None);

        Assert.Equal(["devs", "manual"], afterJoin);
        Assert.Equal(["manual"], await TeamsOfAliceAsync(cs));
    }

    private async Task<List<string>> TeamsOfAliceAsync(string cs)
    {
        await using var check = postgres.CreateContext(cs);
        return await check.TeamMembers.Where(m => m.User.UserName == "alice").Select(m => m.Team.Name).OrderBy(n => n).ToListAsync();
    }

    private static ExternalAccountOptions Admins(params string[] groups)
    {
        var options = new ExternalAccountOptions();
        options.ExternalGroups.Admins.AddRange(groups);
        return options;
    }

    private PasswordSignIn SignIn(RegistryDbContext db, ExternalAccountOptions? options = null) =>
        AccountServices.SignIn(db, time, options, directory);
}
