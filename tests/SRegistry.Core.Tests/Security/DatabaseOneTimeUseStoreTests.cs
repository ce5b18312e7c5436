using SRegistry.Core.Security;
using SRegistry.Core.Tests.Accounts;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Security;

[Collection("Postgres")]
public sealed class DatabaseOneTimeUseStoreTests(PostgresFixture postgres)
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task Redeem_AnIssuedKey_SucceedsOnceAndOnlyForItsPurpose()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await Store(connection).IssueAsync("saml-request", "_abc", _time.GetUtcNow().AddMinutes(10), CancellationToken.None);

        var otherPurpose = await Store(connection).TryRedeemAsync("other", "_abc", CancellationToken.None);
        var first = await Store(connection).TryRedeemAsync("saml-request", "_abc", CancellationToken.None);
        var second = await Store(connection).TryRedeemAsync("saml-request", "_abc", CancellationToken.None);
        var unknown = await Store(connection).TryRedeemAsync("saml-request", "_never-issued", CancellationToken.None);

        Assert.False(otherPurpose);
        Assert.True(first);
        Assert.False(second);
        Assert.False(unknown);
    }

    [Fact]
    public async Task Redeem_AfterExpiry_Fails()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await Store(connection).IssueAsync("saml-request", "_late", _time.GetUtcNow().AddMinutes(10), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(11));

        Assert.False(await Store(connection).TryRedeemAsync("saml-request", "_late", CancellationToken.None));
    }

    [Fact]
    public async Task UseOnce_TheSameKeyTwice_IsARefusedReplayUntilItIsForgotten()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var keepUntil = _time.GetUtcNow().AddMinutes(5);

        var first = await Store(connection).TryUseOnceAsync("saml-assertion", "idp\n_a1", keepUntil, CancellationToken.None);
        var replay = await Store(connection).TryUseOnceAsync("saml-assertion", "idp\n_a1", keepUntil, CancellationToken.None);
        var another = await Store(connection).TryUseOnceAsync("saml-assertion", "idp\n_a2", keepUntil, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(6));
        var afterForgetting = await Store(connection).TryUseOnceAsync("saml-assertion", "idp\n_a1", _time.GetUtcNow().AddMinutes(5), CancellationToken.None);

        Assert.True(first);
        Assert.False(replay);
        Assert.True(another);
        Assert.True(afterForgetting);
    }

    // A new context each time, as each request (and each server instance) has its own.
    private DatabaseOneTimeUseStore Store(string connection) => new(postgres.CreateContext(connection), _time);
}
