using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace SRegistry.Core.Persistence;

/// <summary>Start-up and readiness operations on the metadata database.</summary>
public sealed class RegistryDatabase(IDbContextFactory<RegistryDbContext> contexts, ILogger<RegistryDatabase> logger)
{
    /// <summary>
    /// Applies the migrations the database lacks. Safe with several instances starting at once: one
    /// instance migrates while the others wait, then find nothing left to do.
    /// </summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var context = await contexts.CreateDbContextAsync(ct);

        // EF's own lock does not cover the whole run: two instances starting at once were seen applying
        // the same migration twice ("relation already exists"). A session lock on this connection
        // covers everything, reading the history included.
        await context.Database.OpenConnectionAsync(ct);
        await context.Database.ExecuteSqlRawAsync(LockMigrations, ct);
        try
        {
            await MigrateLockedAsync(context, ct);
        }
        finally
        {
            await context.Database.ExecuteSqlRawAsync(UnlockMigrations, CancellationToken.None);
        }
    }

    // 23453018545285479 ("SRegMig" in ASCII) names the registry's migrations among advisory locks.
    private const string LockMigrations = "SELECT pg_advisory_lock(23453018545285479)";
    private const string UnlockMigrations = "SELECT pg_advisory_unlock(23453018545285479)";

    private async Task MigrateLockedAsync(RegistryDbContext context, CancellationToken ct)
    {
        // EF probes the history table by querying it, which logs a failed command on a new database;
        // creating it first keeps a clean first start free of error lines.
        await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
        var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0)
        {
            logger.LogInformation("Database schema is up to date");
            return;
        }

        logger.LogInformation("Applying {Count} database migrations: {Migrations}", pending.Count, string.Join(", ", pending));
        await context.Database.MigrateAsync(ct);
    }

    /// <summary>Whether the database answers; for readiness checks. Never throws for an unreachable server.</summary>
    public async Task<bool> CanConnectAsync(CancellationToken ct)
    {
        await using var context = await contexts.CreateDbContextAsync(ct);
        return await context.Database.CanConnectAsync(ct);
    }
}
