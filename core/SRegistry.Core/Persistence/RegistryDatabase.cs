using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace SRegistry.Core.Persistence;

/// <summary>Start-up and readiness operations on the metadata database.</summary>
public sealed class RegistryDatabase(IDbContextFactory<RegistryDbContext> contexts, ILogger<RegistryDatabase> logger)
{
    /// <summary>
    /// Applies the migrations the database lacks. Safe with several instances starting at once:
    /// EF holds a lock on the migrations history while it migrates.
    /// </summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var context = await contexts.CreateDbContextAsync(ct);

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
