using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.GarbageCollection;

/// <summary>
/// Named leases in PostgreSQL, so that of several instances on one database only one runs a periodic
/// job per period. One atomic upsert decides: the lease is taken when it is free or expired.
/// </summary>
public sealed class LeaseStore(RegistryDbContext db, TimeProvider time)
{
    /// <summary>Takes the lease <paramref name="name"/> for <paramref name="holder"/> until now + <paramref name="duration"/>; false when another holder's lease is still running.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + duration;
        var taken = await db.Database.SqlQuery<string>($"""
            INSERT INTO leases (name, holder, expires_at) VALUES ({name}, {holder}, {until})
            ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
            WHERE leases.expires_at <= {now}
            RETURNING holder AS "Value"
            """).ToListAsync(cancellationToken);
        return taken.Count == 1;
    }
}
