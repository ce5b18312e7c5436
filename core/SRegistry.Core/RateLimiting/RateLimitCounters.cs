using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.RateLimiting;

/// <summary>
/// Fixed-window request counters in PostgreSQL, shared by every instance on the database. Counting is
/// one atomic upsert (one round trip per request), so concurrent requests on any instance never lose a count.
/// </summary>
public sealed class RateLimitCounters(RegistryDbContext db)
{
    /// <summary>Adds one request to <paramref name="key"/>'s window starting at <paramref name="windowStart"/>; returns the window's count including it.</summary>
    public async Task<long> IncrementAsync(string key, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        var counts = await db.Database.SqlQuery<long>($"""
            INSERT INTO rate_limit_counters (key, window_start, count) VALUES ({key}, {windowStart}, 1)
            ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
            RETURNING count AS "Value"
            """).ToListAsync(cancellationToken);
        return counts[0];
    }

    /// <summary>Removes windows that started before <paramref name="before"/>; returns how many.</summary>
    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        db.RateLimitCounters.Where(c => c.WindowStart < before).ExecuteDeleteAsync(cancellationToken);
}
