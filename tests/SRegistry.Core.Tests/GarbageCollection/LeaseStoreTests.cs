using SRegistry.Core.GarbageCollection;
using SRegistry.Core.Tests.Accounts;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.GarbageCollection;

[Collection(PostgresCollection.Name)]
public sealed class LeaseStoreTests(PostgresFixture postgres)
{
    private readonly ManualTimeProvider time = new();

    [Fact]
    public async Task Lease_HeldByOneInstance_IsRefusedToAnother_UntilItExpires()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var first = postgres.CreateContext(cs);
        await using var second = postgres.CreateContext(cs);
        var period = TimeSpan.FromHours(1);

        var taken = await new LeaseStore(first, time).TryAcquireAsync("garbage-collection", "instance-a", period, default);
        var refused = await new LeaseStore(second, time).TryAcquireAsync("garbage-collection", "instance-b", period, default);
        var otherJob = await new LeaseStore(second, time).TryAcquireAsync("another-job", "instance-b", period, default);
        time.Advance(period);
        var afterExpiry = await new LeaseStore(second, time).TryAcquireAsync("garbage-collection", "instance-b", period, default);
        var formerHolder = await new LeaseStore(first, time).TryAcquireAsync("garbage-collection", "instance-a", period, default);

        Assert.True(taken);
        Assert.False(refused);
        Assert.True(otherJob);
        Assert.True(afterExpiry);
        Assert.False(formerHolder);
    }

    [Fact]
    public async Task Lease_ContendedByManyAtOnce_IsTakenByExactlyOne()
    {
        var cs = await postgres.CreateDatabaseAsync();
        var contexts = Enumerable.Range(0, 8).Select(_ => postgres.CreateContext(cs)).ToList();
        try
        {
            var results = await Task.WhenAll(contexts.Select((db, i) =>
                new LeaseStore(db, time).TryAcquireAsync("garbage-collection", $"instance-{i}", TimeSpan.FromHours(1), default)));

            Assert.Single(results, taken => taken);
        }
        finally
        {
            foreach (var db in contexts) await db.DisposeAsync();
        }
    }
}
