using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Accounts;

[Collection("Postgres")]
public sealed class AccountServiceTests(PostgresFixture postgres)
{
    private readonly ManualTimeProvider time = new();

    [Fact]
    public async Task CreateUser_New_CreatesUserOwnEntityAndAuditEvent()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using (var db = postgres.CreateContext(cs))
        {
            var result = await Accounts(db).CreateUserAsync("alice", "alice@example.org", "correct horse", isAdmin: false, Actor.System);
            Assert.True(result.Succeeded, result.Message);
            Assert.Equal(RegistryError.None, result.Error);
        }

        await using var check = postgres.CreateContext(cs);
        var user = await check.Users.SingleAsync(u => u.UserName == "alice");
        Assert.Equal("alice@example.org", user.Email);
        Assert.True(user.IsActive);
        Assert.False(user.IsAdmin);
        Assert.NotEqual("correct horse", user.PasswordHash);
        var entity = await check.Entities.SingleAsync(e => e.Name == "alice");
        Assert.Equal(user.Id, entity.OwnerUserId);
        var audit = await check.AuditEvents.SingleAsync();
        Assert.Equal(AuditActions.UserCreate, audit.Action);
        Assert.Equal("user:alice", audit.Target);
        Assert.Equal("system", audit.Actor);
        Assert.Equal(time.GetUtcNow(), audit.At);
    }

    [Fact]
    public async Task CreateUser_Duplicate_IsRefusedAndKeepsOneUser()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        var accounts = Accounts(db);
        Assert.True((await accounts.CreateUserAsync("alice", null, "password1", false, Actor.System)).Succeeded);

        var again = await accounts.CreateUserAsync("alice", null, "password2", true, Actor.System);

        Assert.False(again.Succeeded);
        Assert.Equal(RegistryError.AlreadyExists, again.Error);
        Assert.Contains("alice", again.Message);
        await using var check = postgres.CreateContext(cs);
        Assert.Equal(1, await check.Users.CountAsync());
        Assert.Equal(1, await check.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task CreateUser_EntityNameTaken_CreatesNothing()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);

        var result = await Accounts(db).CreateUserAsync(Entity.DefaultName, null, "password1", false, Actor.System);

        Assert.Equal(RegistryError.AlreadyExists, result.Error);
        Assert.Contains("namespace", result.Message);
        await AssertNothingCreatedAsync(cs, Entity.DefaultName);
    }

    [Fact]
    public async Task CreateUser_EntityCreatedConcurrently_CreatesNothing()
    {
        var cs = await postgres.CreateDatabaseAsync();

        // The entity appears after the duplicate checks passed, just before the save: the save
        // must then fail as a whole, taking the already-inserted user row with it.
        var racer = new EntityRacer(() => postgres.CreateContext(cs), "bob");
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        options.UseRegistryDatabase(cs).AddInterceptors(racer);
        await using var db = new RegistryDbContext(options.Options);

        var result = await Accounts(db).CreateUserAsync("bob", null, "password1", false, Actor.System);

        Assert.Equal(RegistryError.AlreadyExists, result.Error);
        Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State == EntityState.Added);
        await using var check = postgres.CreateContext(cs);
        Assert.False(await check.Users.AnyAsync(u => u.UserName == "bob"));
        Assert.Null((await check.Entities.SingleAsync(e => e.Name == "bob")).OwnerUserId);
        Assert.False(await check.AuditEvents.AnyAsync());
    }

    [Theory]
    [InlineData("Alice")]
    [InlineData("-alice")]
    [InlineData("")]
    public async Task CreateUser_InvalidName_IsRefusedWithReason(string userName)
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);

        var result = await Accounts(db).CreateUserAsync(userName, null, "password1", false, Actor.System);

        Assert.Equal(RegistryError.InvalidName, result.Error);
        Assert.Contains("user name", result.Message);
        await AssertNothingCreatedAsync(cs, userName);
    }

    [Fact]
    public async Task CreateUser_ShortPassword_IsRefused()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);

        var result = await Accounts(db).CreateUserAsync("carol", null, "1234567", false, Actor.System);

        Assert.Equal(RegistryError.InvalidPassword, result.Error);
        Assert.Contains("at least 8", result.Message);
        await AssertNothingCreatedAsync(cs, "carol");
    }

    [Fact]
    public async Task VerifyPassword_Right_ReturnsUser()
    {
        await using var db = await DatabaseWithAliceAsync();
        var user = await Accounts(db).VerifyPasswordAsync("alice", "correct horse");
        Assert.Equal("alice", user?.UserName);
    }

    [Theory]
    [InlineData("alice", "wrong horse")]
    [InlineData("alice", "")]
    [InlineData("nobody", "correct horse")]
    public async Task VerifyPassword_WrongOrUnknown_ReturnsNull(string userName, string password)
    {
        await using var db = await DatabaseWithAliceAsync();
        Assert.Null(await Accounts(db).VerifyPasswordAsync(userName, password));
    }

    [Fact]
    public async Task VerifyPassword_InactiveUser_ReturnsNull()
    {
        await using var db = await DatabaseWithAliceAsync();
        var accounts = Accounts(db);
        Assert.True((await accounts.SetActiveAsync("alice", false, Actor.System)).Succeeded);

        Assert.Null(await accounts.VerifyPasswordAsync("alice", "correct horse"));
    }

    [Fact]
    public async Task VerifyPassword_UserWithoutPassword_ReturnsNull()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        var accounts = Accounts(db);
        Assert.True((await accounts.CreateUserAsync("robot", null, null, false, Actor.System)).Succeeded);

        Assert.Null(await accounts.VerifyPasswordAsync("robot", ""));
    }

    [Fact]
    public async Task VerifyPassword_OutdatedHash_IsReplaced()
    {
        await using var db = await DatabaseWithAliceAsync();
        var weak = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));
        var alice = await db.Users.SingleAsync(u => u.UserName == "alice");
        alice.PasswordHash = weak.HashPassword(alice, "correct horse");
        await db.SaveChangesAsync();
        var outdated = alice.PasswordHash;

        Assert.NotNull(await Accounts(db).VerifyPasswordAsync("alice", "correct horse"));

        var stored = (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "alice")).PasswordHash!;
        Assert.NotEqual(outdated, stored);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<User>().VerifyHashedPassword(alice, stored, "correct horse"));
    }

    [Fact]
    public async Task ResetPassword_ReplacesOldPasswordAndIsAudited()
    {
        await using var db = await DatabaseWithAliceAsync();
        var accounts = Accounts(db);

        var result = await accounts.ResetPasswordAsync("alice", "battery staple", new Actor(null, "admin-cli"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Null(await accounts.VerifyPasswordAsync("alice", "correct horse"));
        Assert.NotNull(await accounts.VerifyPasswordAsync("alice", "battery staple"));
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.UserPasswordReset);
        Assert.Equal("admin-cli", audit.Actor);
        Assert.DoesNotContain("battery", audit.Details ?? "");
    }

    [Fact]
    public async Task ResetPassword_ShortOrUnknownUser_IsRefused()
    {
        await using var db = await DatabaseWithAliceAsync();
        var accounts = Accounts(db);

        Assert.Equal(RegistryError.InvalidPassword, (await accounts.ResetPasswordAsync("alice", "short", Actor.System)).Error);
        Assert.Equal(RegistryError.NotFound, (await accounts.ResetPasswordAsync("nobody", "long enough", Actor.System)).Error);
    }

    [Fact]
    public async Task SetAdmin_ChangesFlagAndAuditsOnlyChanges()
    {
        await using var db = await DatabaseWithAliceAsync();
        var accounts = Accounts(db);

        Assert.True((await accounts.SetAdminAsync("alice", true, Actor.System)).Value!.IsAdmin);
        Assert.True((await accounts.SetAdminAsync("alice", true, Actor.System)).Succeeded);
        Assert.True((await accounts.GetUserAsync("alice"))!.IsAdmin);
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == AuditActions.UserAdminGrant));
        Assert.Equal(RegistryError.NotFound, (await accounts.SetAdminAsync("nobody", true, Actor.System)).Error);
    }

    [Fact]
    public async Task SetActive_Reenable_AllowsSignInAgain()
    {
        await using var db = await DatabaseWithAliceAsync();
        var accounts = Accounts(db);
        await accounts.SetActiveAsync("alice", false, Actor.System);

        await accounts.SetActiveAsync("alice", true, Actor.System);

        Assert.NotNull(await accounts.VerifyPasswordAsync("alice", "correct horse"));
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == AuditActions.UserDisable));
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == AuditActions.UserEnable));
    }

    [Fact]
    public async Task ListUsers_ReturnsAllByName()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        var accounts = Accounts(db);
        foreach (var name in new[] { "zoe", "alice", "mike" })
            await accounts.CreateUserAsync(name, null, null, false, Actor.System);

        var users = await accounts.ListUsersAsync();

        Assert.Equal(new[] { "alice", "mike", "zoe" }, users.Select(u => u.UserName));
        Assert.Null(await accounts.GetUserAsync("nobody"));
    }

    private AccountService Accounts(RegistryDbContext db) => new(db, new AuditLog(db, time), time, new PasswordHasher<User>());

    private async Task<RegistryDbContext> DatabaseWithAliceAsync()
    {
        var db = postgres.CreateContext(await postgres.CreateDatabaseAsync());
        var created = await Accounts(db).CreateUserAsync("alice", null, "correct horse", false, Actor.System);
        Assert.True(created.Succeeded, created.Message);
        return db;
    }

    private async Task AssertNothingCreatedAsync(string cs, string name)
    {
        await using var check = postgres.CreateContext(cs);
        Assert.False(await check.Users.AnyAsync(u => u.UserName == name));
        Assert.False(await check.Entities.AnyAsync(e => e.Name == name && e.OwnerUserId != null));
        Assert.False(await check.AuditEvents.AnyAsync());
    }

    /// <summary>Inserts a conflicting entity from another connection right before the save under test.</summary>
    private sealed class EntityRacer(Func<RegistryDbContext> otherContext, string name) : SaveChangesInterceptor
    {
        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await using var other = otherContext();
            other.Entities.Add(new Entity { Name = name, CreatedAt = DateTimeOffset.UtcNow });
            await other.SaveChangesAsync(cancellationToken);
            return result;
        }
    }
}
