using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using SRegistry.Core.Persistence.Migrations;

namespace SRegistry.Core.Persistence;

/// <summary>Start-up and readiness operations on the metadata database.</summary>
public sealed class RegistryDatabase(IDbContextFactory<RegistryDbContext> contexts, ILogger<RegistryDatabase> logger)
{
    // Any constant shared by every instance; it names the lock, nothing else.
    private const long MigrationLockKey = 0x5352_6567_4d69_67;

    /// <summary>
    /// Applies the migrations the database lacks. Safe with several instances starting at once: a
    /// session-level advisory lock serialises whole runs. EF's own lock is not enough on PostgreSQL:
    /// it is held per transaction and each migration commits its own, so a second instance could
    /// start applying a migration the first had already applied.
    /// </summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var context = await contexts.CreateDbContextAsync(ct);
        await context.Database.OpenConnectionAsync(ct);
        try
        {
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);

            // EF probes the history table by querying it, which logs a failed command on a new database;
            // creating it first keeps a clean first start free of error lines.
            await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
            var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count == 0)
            {
                logger.LogInformation("Database schema is up to date");
            }
            else
            {
                logger.LogInformation("Applying {Count} database migrations: {Migrations}", pending.Count, string.Join(", ", pending));
                await context.Database.MigrateAsync(ct);
            }

            await EnsureSearchIndexesAsync(context, ct);
        }
        finally
        {
            // Closing the session would release it too; unlocking first frees waiting instances at once.
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            await context.Database.CloseConnectionAsync();
        }
    }

    // The migration that adds search's trigram indexes goes on without them where pg_trgm cannot be created;
    // each start tries again, so making the extension available and restarting is enough.
    private async Task EnsureSearchIndexesAsync(RegistryDbContext context, CancellationToken ct)
    {
        if (await HasSearchIndexesAsync(context, ct)) return;
        await context.Database.ExecuteSqlRawAsync(SqlScriptMigration.ReadScript(SearchTrigramIndexes.Id), ct);
        if (!await HasSearchIndexesAsync(context, ct))
        {
            logger.LogWarning("Search reads whole tables: its indexes need PostgreSQL's pg_trgm extension, which could not be created. "
                + "Install it (Debian: postgresql-contrib), or grant the registry's database role CREATE on the database, then restart.");
        }
    }

    private static Task<bool> HasSearchIndexesAsync(RegistryDbContext context, CancellationToken ct) =>
        context.Database.SqlQueryRaw<bool>("SELECT to_regclass('ix_labels_value') IS NOT NULL AS \"Value\"").SingleAsync(ct);

    /// <summary>Whether the database answers; for readiness checks. Never throws for an unreachable server.</summary>
    public async Task<bool> CanConnectAsync(CancellationToken ct)
    {
        await using var context = await contexts.CreateDbContextAsync(ct);
        return await context.Database.CanConnectAsync(ct);
    }
}
