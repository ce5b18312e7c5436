using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class DatabaseLeasesTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Lease_HeldByOneInstance_IsRefusedToAnother_UntilReleased()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        // Two factories, as two server processes would have: separate connections, one database.
        var first = new DatabaseLeases(Factory(connectionString));
        var second = new DatabaseLeases(Factory(connectionString));
        const long key = 0x5445_5354;

        var held = await first.TryAcquireAsync(key, CancellationToken.None);
        var refused = await second.TryAcquireAsync(key, CancellationToken.None);
        var other = await second.TryAcquireAsync(key + 1, CancellationToken.None);
        await held!.DisposeAsync();
        var afterRelease = await second.TryAcquireAsync(key, CancellationToken.None);

        Assert.NotNull(held);
        Assert.Null(refused);
        Assert.NotNull(other);
        Assert.NotNull(afterRelease);
        await other!.DisposeAsync();
        await afterRelease!.DisposeAsync();
    }

    private static PooledDbContextFactory<RegistryDbContext> Factory(string connectionString)
    {
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        options.UseRegistryDatabase(connectionString);
        return new(options.Options, poolSize: 4);
    }
}
