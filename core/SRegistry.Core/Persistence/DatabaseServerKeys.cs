using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence;

/// <summary>
/// The <c>server_keys</c> table: secrets created once and then shared by every server instance on the
/// database. Values are opaque here; callers seal them before they are stored.
/// </summary>
public sealed class DatabaseServerKeys(IDbContextFactory<RegistryDbContext> contexts, TimeProvider time)
{
    /// <summary>
    /// The stored value of <paramref name="name"/>, storing <paramref name="candidate"/> first if there
    /// is none. Race-free across instances: when several start at once, one insert wins and every
    /// caller gets the winner's value.
    /// </summary>
    public byte[] GetOrAdd(string name, byte[] candidate)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(candidate);
        using var db = contexts.CreateDbContext();
        db.Database.ExecuteSql($"""
            INSERT INTO server_keys (name, value, created_at) VALUES ({name}, {candidate}, {time.GetUtcNow()})
            ON CONFLICT (name) DO NOTHING
            """);
        return db.ServerKeys.AsNoTracking().Where(k => k.Name == name).Select(k => k.Value).Single();
    }
}
