using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Persistence;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Accounts;

[Collection("Postgres")]
public sealed class ExternalAccountRecheckTests(PostgresFixture postgres)
{
    private readonly ManualTimeProvider time = new();
    private readonly FakeDirectory directory = new();

    [Fact]
    public async Task DirectoryReportsDisabled_TokenStopsWorkingAndAccountIsDisabled()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        var secret = await ExternalUserWithTokenAsync(db);
        directory.States["s-alice"] = false;

        var token = await Tokens(db, TimeSpan.Zero).ValidateAsync(secret);

        Assert.Null(token);
        await using var check = postgres.CreateContext(cs);
        Assert.False((await check.Users.SingleAsync()).IsActive);
        var disable = await check.AuditEvents.SingleAsync(a => a.Action == AuditActions.UserDisable);
        Assert.Equal("directory:fake", disable.Actor);
        directory.States["s-alice"] = true;
        Assert.Null(await Tokens(db, TimeSpan.Zero).ValidateAsync(secret));
    }

    [Fact]
    public async Task DirectoryCannotTell_KeepsTheAccountActive()
    {
        await using var db = postgres.CreateContext(await postgres.CreateDatabaseAsync());
        var secret = await ExternalUserWithTokenAsync(db);
        directory.States["s-alice"] = null;
        var cannotTell = await Tokens(db, TimeSpan.Zero).ValidateAsync(secret);
        directory.Down = true;

        var down = await Tokens(db, TimeSpan.Zero).ValidateAsync(secret);

        Assert.NotNull(cannotTell);
        Assert.NotNull(down);
        Assert.Equal(2, directory.StatusCalls);
    }

    [Fact]
    public async Task WithinTheInterval_TheDirectoryIsNotAsked()
    {
        await using var db = postgres.CreateContext(await postgres.CreateDatabaseAsync());
        var secret = await ExternalUserWithTokenAsync(db);
        directory.States["s-alice"] = false;

        var within = await Tokens(db, TimeSpan.FromMinutes(5)).ValidateAsync(secret);
        time.Advance(TimeSpan.FromMinutes(5));
        var after = await Tokens(db, TimeSpan.FromMinutes(5)).ValidateAsync(secret);

        Assert.NotNull(within);
        Assert.Null(after);
        Assert.Equal(1, directory.StatusCalls);
    }

    [Fact]
    public async Task LocalAccounts_AreNeverSentToTheDirectory()
    {
        await using var db = postgres.CreateContext(await postgres.CreateDatabaseAsync());
        await AccountServices.Accounts(db, time).CreateUserAsync("local", null, null, false, Actor.System);
        var secret = (await AccountServices.Tokens(db, time).CreateAsync("local", "laptop", [], null, Actor.System)).Value!.Secret;

        Assert.NotNull(await Tokens(db, TimeSpan.Zero).ValidateAsync(secret));
        Assert.Equal(0, directory.StatusCalls);
    }

    private async Task<string> ExternalUserWithTokenAsync(RegistryDbContext db)
    {
        directory.Add("alice", "alice-password", "s-alice");
        var signedIn = await AccountServices.SignIn(db, time, null, directory).SignInAsync("alice", "alice-password", CancellationToken.None);
        Assert.True(signedIn.Succeeded, signedIn.Message);
        return (await AccountServices.Tokens(db, time).CreateAsync("alice", "laptop", [], null, Actor.System)).Value!.Secret;
    }

    private ApiTokenService Tokens(RegistryDbContext db, TimeSpan interval) =>
        AccountServices.Tokens(db, time, new ExternalAccountOptions { ExternalRecheckInterval = interval }, directory);
}
