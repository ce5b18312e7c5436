using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Accounts;

[Collection("Postgres")]
public sealed class ApiTokenServiceTests(PostgresFixture postgres)
{
    private readonly ManualTimeProvider time = new();

    [Fact]
    public async Task Create_ThenValidate_ReturnsTokenWithItsUser()
    {
        await using var db = await DatabaseWithAliceAsync();
        var tokens = Tokens(db);

        var created = await tokens.CreateAsync("alice", "laptop", [TokenScopes.Pull, TokenScopes.Push], null, Actor.System);

        Assert.True(created.Succeeded, created.Message);
        Assert.StartsWith(ApiTokenSecret.Prefix, created.Value.Secret);
        var valid = await tokens.ValidateAsync(created.Value.Secret);
        Assert.NotNull(valid);
        Assert.Equal("laptop", valid.Name);
        Assert.Equal("alice", valid.User.UserName);
        Assert.Equal(new[] { "pull", "push" }, valid.Scopes);
    }

    [Fact]
    public async Task Create_StoresOnlyHashAndDisplayPrefix()
    {
        var cs = await postgres.CreateDatabaseAsync();
        string secret;
        await using (var db = await DatabaseWithAliceAsync(cs))
            secret = (await Tokens(db).CreateAsync("alice", "laptop", [], null, Actor.System)).Value!.Secret;

        await using var check = postgres.CreateContext(cs);
        var rows = await check.Database.SqlQueryRaw<string>("SELECT row_to_json(t)::text AS \"Value\" FROM api_tokens t").ToListAsync();
        var row = Assert.Single(rows);
        Assert.DoesNotContain(secret, row);
        Assert.DoesNotContain(secret[ApiTokenSecret.DisplayLength..], row);
        var token = await check.ApiTokens.SingleAsync();
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), token.SecretHash);
        Assert.Equal(secret[..ApiTokenSecret.DisplayLength], token.Prefix);
        var audit = await check.AuditEvents.SingleAsync(a => a.Action == AuditActions.TokenCreate);
        Assert.DoesNotContain(secret[ApiTokenSecret.DisplayLength..], audit.Details ?? "");
        Assert.Equal("token:alice/laptop", audit.Target);
    }

    [Fact]
    public async Task Revoke_ByName_MakesTokenInvalid()
    {
        await using var db = await DatabaseWithAliceAsync();
        var tokens = Tokens(db);
        var secret = (await tokens.CreateAsync("alice", "laptop", [], null, Actor.System)).Value!.Secret;

        var revoked = await tokens.RevokeAsync("alice", "laptop", Actor.System);

        Assert.True(revoked.Succeeded, revoked.Message);
        Assert.Equal(time.GetUtcNow(), revoked.Value.RevokedAt);
        Assert.Null(await tokens.ValidateAsync(secret));
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == AuditActions.TokenRevoke));
    }

    [Fact]
    public async Task Revoke_ById_MakesTokenInvalid()
    {
        await using var db = await DatabaseWithAliceAsync();
        var tokens = Tokens(db);
        var created = (await tokens.CreateAsync("alice", "laptop", [], null, Actor.System)).Value!;

        Assert.True((await tokens.RevokeAsync("alice", created.Token.Id.ToString(), Actor.System)).Succeeded);

        Assert.Null(await tokens.ValidateAsync(created.Secret));
    }

    [Fact]
    public async Task Revoke_UnknownTokenOrOtherUsersToken_IsNotFound()
    {
        await using var db = await DatabaseWithAliceAsync();
        var tokens = Tokens(db);
        await Accounts(db).CreateUserAsync("bob", null, null, false, Actor.System);
        var bobs = (await tokens.CreateAsync("bob", "ci", [], null, Actor.System)).Value!;

        Assert.Equal(RegistryError.NotFound, (await tokens.RevokeAsync("alice", "missing", Actor.System)).Error);
        Assert.Equal(RegistryError.NotFound, (await tokens.RevokeAsync("alice", "ci", Actor.System)).Error);
        Assert.Equal(RegistryError.NotFound, (await tokens.RevokeAsync("alice", bobs.Token.Id.ToString(), Actor.System)).Error);
        Assert.NotNull(await tokens.ValidateAsync(bobs.Secret));
    }

    [Fact]
    public async Task Validate_AfterExpiry_ReturnsNull()
    {
        await using var db = await DatabaseWithAliceAsync();
        var tokens = Tokens(db);
        var secret = (await tokens.CreateAsync("alice", "short-lived", [], time.GetUtcNow().AddHours(1), Actor.System)).Value!.Secret;
        Assert.NotNull(await tokens.ValidateAsync(secret));

        time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await tokens.ValidateAsync(secret));
    }

    [Fact]
    public async Task Create_ExpiryInThePast_IsRefused()
    {
        await using var db = await DatabaseWithAliceAsync();

        var result = await Tokens(db).CreateAsync("alice", "stale", [], time.GetUtcNow().AddSeconds(-1), Actor.System);

        Assert.Equal(RegistryError.InvalidExpiry, result.Error);
        Assert.False(await db.ApiTokens.AnyAsync());
    }

    [Fact]
    public async Task Create_ExpiryWithOffset_IsStoredAsSameInstant()
    {
        await using var db = await DatabaseWithAliceAsync();
        var expiry = new DateTimeOffset(2026, 6, 1, 14, 0, 0, TimeSpan.FromHours(2));

        var created = await Tokens(db).CreateAsync("alice", "summer", [], expiry, Actor.System);

        Assert.True(created.Succeeded, created.Message);
        Assert.Equal(expiry, (await db.ApiTokens.AsNoTracking().SingleAsync()).ExpiresAt);
    }

    [Fact]
    public async Task Validate_InactiveUser_ReturnsNull()
    {
        await using var db = await DatabaseWithAliceAsync();
        var tokens = Tokens(db);
        var secret = (await tokens.CreateAsync("alice", "laptop", [], null, Actor.System)).Value!.Secret;

        await Accounts(db).SetActiveAsync("alice", false, Actor.System);

        Assert.Null(await tokens.ValidateAsync(secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("sreg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Validate_UnknownSecret_ReturnsNull(string? secret)
    {
        await using var db = await DatabaseWithAliceAsync();
        await Tokens(db).CreateAsync("alice", "laptop", [], null, Actor.System);

        Assert.Null(await Tokens(db).ValidateAsync(secret));
    }

    [Fact]
    public async Task Validate_UpdatesLastUsedAtAtMostOncePerMinute()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = await DatabaseWithAliceAsync(cs);
        var tokens = Tokens(db);
        var secret = (await tokens.CreateAsync("alice", "laptop", [], null, Actor.System)).Value!.Secret;
        var firstUse = time.GetUtcNow();

        Assert.Equal(firstUse, (await tokens.ValidateAsync(secret))!.LastUsedAt);
        Assert.Equal(firstUse, await StoredLastUsedAsync(cs));

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(firstUse, (await tokens.ValidateAsync(secret))!.LastUsedAt);
        Assert.Equal(firstUse, await StoredLastUsedAsync(cs));

        time.Advance(TimeSpan.FromSeconds(31));
        Assert.NotNull(await tokens.ValidateAsync(secret));
        Assert.Equal(time.GetUtcNow(), await StoredLastUsedAsync(cs));
    }

    [Fact]
    public async Task Create_DuplicateName_IsRefused()
    {
        await using var db = await DatabaseWithAliceAsync();
        var tokens = Tokens(db);
        await tokens.CreateAsync("alice", "laptop", [], null, Actor.System);
        await tokens.RevokeAsync("alice", "laptop", Actor.System);

        var again = await tokens.CreateAsync("alice", "laptop", [], null, Actor.System);

        Assert.Equal(RegistryError.AlreadyExists, again.Error);
        Assert.Equal(1, await db.ApiTokens.CountAsync());
    }

    [Fact]
    public async Task Create_SameNameForAnotherUser_IsAllowed()
    {
        await using var db = await DatabaseWithAliceAsync();
        var tokens = Tokens(db);
        await Accounts(db).CreateUserAsync("bob", null, null, false, Actor.System);

        Assert.True((await tokens.CreateAsync("alice", "laptop", [], null, Actor.System)).Succeeded);
        Assert.True((await tokens.CreateAsync("bob", "laptop", [], null, Actor.System)).Succeeded);
    }

    [Fact]
    public async Task Create_UnknownScopeUserOrBadName_IsRefused()
    {
        await using var db = await DatabaseWithAliceAsync();
        var tokens = Tokens(db);

        Assert.Equal(RegistryError.InvalidScopes, (await tokens.CreateAsync("alice", "laptop", ["write"], null, Actor.System)).Error);
        Assert.Equal(RegistryError.NotFound, (await tokens.CreateAsync("nobody", "laptop", [], null, Actor.System)).Error);
        Assert.Equal(RegistryError.InvalidName, (await tokens.CreateAsync("alice", "My Laptop", [], null, Actor.System)).Error);
        Assert.False(await db.ApiTokens.AnyAsync());
    }

    [Fact]
    public async Task List_ReturnsUsersTokensByNameIncludingRevoked()
    {
        await using var db = await DatabaseWithAliceAsync();
        var tokens = Tokens(db);
        await tokens.CreateAsync("alice", "laptop", [], null, Actor.System);
        await tokens.CreateAsync("alice", "ci", [TokenScopes.Pull], null, Actor.System);
        await tokens.RevokeAsync("alice", "laptop", Actor.System);

        var listed = await tokens.ListAsync("alice");

        Assert.True(listed.Succeeded, listed.Message);
        Assert.Equal(new[] { "ci", "laptop" }, listed.Value.Select(t => t.Name));
        Assert.NotNull(listed.Value[1].RevokedAt);
        Assert.Equal(RegistryError.NotFound, (await tokens.ListAsync("nobody")).Error);
    }

    private ApiTokenService Tokens(RegistryDbContext db) => new(db, new AuditLog(db, time), time, AccountServices.Recheck(db, time));

    private AccountService Accounts(RegistryDbContext db) => new(db, new AuditLog(db, time), time, new PasswordHasher<User>());

    private async Task<RegistryDbContext> DatabaseWithAliceAsync(string? cs = null)
    {
        var db = postgres.CreateContext(cs ?? await postgres.CreateDatabaseAsync());
        var created = await Accounts(db).CreateUserAsync("alice", null, null, false, Actor.System);
        Assert.True(created.Succeeded, created.Message);
        return db;
    }

    private async Task<DateTimeOffset?> StoredLastUsedAsync(string cs)
    {
        await using var check = postgres.CreateContext(cs);
        return (await check.ApiTokens.SingleAsync()).LastUsedAt;
    }
}
