using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Builds;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Builds;
using SRegistry.Core.Domain;
using SRegistry.Core.Tests.Accounts;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Builds;

/// <summary>Claiming builds for dispatch, and failing claims no backend ever took.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BuildClaimsTests(PostgresFixture postgres)
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task ClaimNeverSubmitted_FailsAfterAWhile_AndFreesItsSlot_WhileASubmittedOneKeepsWorking()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (var db = postgres.CreateContext(connectionString))
        {
            db.Builds.AddRange(Queued("a"), Queued("b"));
            await db.SaveChangesAsync();
        }
        var claimed = await ClaimsIn(connectionString, c => c.ClaimAsync(default));
        await ClaimsIn(connectionString, async c =>
        {
            await c.RecordBackendIdAsync(claimed[0].Id, "backend-1", default);
            return claimed[0].Id;
        });
        await using (var db = postgres.CreateContext(connectionString))
        {
            db.Builds.Add(Queued("c"));
            await db.SaveChangesAsync();
        }

        var early = await ClaimsIn(connectionString, c => c.FailUnsubmittedAsync(default));
        _time.Advance(BuildClaims.UnsubmittedAfter + TimeSpan.FromMinutes(1));
        var failed = await ClaimsIn(connectionString, c => c.FailUnsubmittedAsync(default));
        var next = await ClaimsIn(connectionString, c => c.ClaimAsync(default));

        Assert.Empty(early);
        Assert.Equal(claimed[1].Id, Assert.Single(failed).Id);
        Assert.Equal("c", Assert.Single(next).Tag);
        await using var check = postgres.CreateContext(connectionString);
        var states = await check.Builds.ToDictionaryAsync(b => b.Tag, b => b.State);
        Assert.Equal(BuildState.Working, states[claimed[0].Tag]);
        Assert.Equal(BuildState.Failure, states[claimed[1].Tag]);
    }

    private async Task<T> ClaimsIn<T>(string connectionString, Func<BuildClaims, Task<T>> action)
    {
        await using var db = postgres.CreateContext(connectionString);
        return await action(new BuildClaims(db, new AuditLog(db, _time), Options.Create(new BuildOptions { MaxConcurrent = 2 }), _time));
    }

    private Build Queued(string tag) => new()
    {
        Id = Guid.NewGuid(),
        State = BuildState.Queued,
        Entity = "alice",
        Collection = "tools",
        Container = "app",
        Tag = tag,
        SourceRepository = "https://github.com/alice/recipes",
        Commit = new string('a', 40),
        RecipePath = "Singularity",
        RequestedBy = "alice",
        QueuedAt = _time.GetUtcNow() + TimeSpan.FromSeconds(tag[0]),
    };
}
