using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Catalog;

[Collection("Postgres")]
public sealed class CallerFactoryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ForToken_LoadsTeamsAndScopes()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var token = await ValidatedTokenAsync(scene, "carol", [TokenScopes.Pull]);

        var caller = await new CallerFactory(scene.Context()).ForTokenAsync(token);

        Assert.Equal((scene.Users["carol"].Id, "carol"), (caller.UserId, caller.UserName));
        Assert.Equal(new[] { scene.LabTeamId }, caller.TeamIds);
        Assert.Equal(new[] { TokenScopes.Pull }, caller.Scopes);
        Assert.True(caller.Allows(TokenScopes.Pull));
        Assert.False(caller.Allows(TokenScopes.Push));
    }

    [Fact]
    public async Task ForToken_AdminWithPushOnlyToken_DoesNotActAsAdmin()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var factory = new CallerFactory(scene.Context());

        var pushOnly = await factory.ForTokenAsync(await ValidatedTokenAsync(scene, "admin", [TokenScopes.Push]));
        var unscoped = await factory.ForTokenAsync(await ValidatedTokenAsync(scene, "admin", []));

        Assert.False(pushOnly.IsAdmin);
        Assert.True(unscoped.IsAdmin);
    }

    [Fact]
    public async Task ForUser_InactiveUser_IsAnonymous()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var erin = scene.Users["erin"];
        erin.IsActive = false;

        var caller = await new CallerFactory(scene.Context()).ForUserAsync(erin);

        Assert.Same(Caller.Anonymous, caller);
    }

    private static async Task<SRegistry.Core.Domain.ApiToken> ValidatedTokenAsync(CatalogScene scene, string userName, string[] scopes)
    {
        var db = scene.Context();
        var tokens = new ApiTokenService(db, new AuditLog(db, scene.Time), scene.Time, Accounts.AccountServices.Recheck(db, scene.Time));
        var created = await tokens.CreateAsync(userName, $"t{Guid.NewGuid():N}"[..10], scopes, null, Actor.System);
        return (await tokens.ValidateAsync(created.Value!.Secret))!;
    }
}
