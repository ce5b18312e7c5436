using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Security;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Security;

/// <summary>
/// <see cref="IOneTimeUseStore"/> in the database, so every instance sees every key. Each answer is
/// one SQL statement whose row count decides it, which makes it atomic without a transaction.
/// </summary>
public sealed class DatabaseOneTimeUseStore(RegistryDbContext db, TimeProvider time) : IOneTimeUseStore
{
    /// <inheritdoc />
    public async Task IssueAsync(string purpose, string key, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await ForgetExpiredAsync(now, cancellationToken);
        var hash = Hash(key);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO one_time_uses (purpose, key_hash, expires_at, used) VALUES ({purpose}, {hash}, {expiresAt.ToUniversalTime()}, false) ON CONFLICT DO NOTHING",
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> TryRedeemAsync(string purpose, string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hash = Hash(key);
        var redeemed = await db.Database.ExecuteSqlAsync(
            $"UPDATE one_time_uses SET used = true WHERE purpose = {purpose} AND key_hash = {hash} AND NOT used AND expires_at > {now}",
            cancellationToken);
        return redeemed == 1;
    }

    /// <inheritdoc />
    public async Task<bool> TryUseOnceAsync(string purpose, string key, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await ForgetExpiredAsync(now, cancellationToken);
        var hash = Hash(key);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO one_time_uses (purpose, key_hash, expires_at, used) VALUES ({purpose}, {hash}, {keepUntil.ToUniversalTime()}, true) ON CONFLICT DO NOTHING",
            cancellationToken);
        return inserted == 1;
    }

    // Keys arrive from outside (assertion ids); hashing bounds their size and keeps secrets out of the table.
    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private Task<int> ForgetExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM one_time_uses WHERE expires_at <= {now}", cancellationToken);
}
