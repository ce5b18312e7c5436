using Microsoft.EntityFrameworkCore;

namespace SRegistry.Core.Persistence;

/// <summary>
/// Named leases among every server instance on the database, as PostgreSQL session-level advisory
/// locks: a background job that must run on one instance at a time holds its lease while it works.
/// A lease held by an instance that dies is released with its connection, so none is ever stuck.
/// </summary>
public sealed class DatabaseLeases(IDbContextFactory<RegistryDbContext> contexts)
{
    /// <summary>
    /// Takes the lease <paramref name="key"/> if no instance holds it; null when one does. Disposing the
    /// result releases it.
    /// </summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(long key, CancellationToken cancellationToken)
    {
        var context = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await context.Database.OpenConnectionAsync(cancellationToken);
            var acquired = await context.Database
                .SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"")
                .SingleAsync(cancellationToken);
            if (acquired) return new Lease(context, key);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
        await context.DisposeAsync();
        return null;
    }

    private sealed class Lease(RegistryDbContext context, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None);
            }
            finally
            {
                // Closing the session releases the lock even if the unlock failed.
                await context.Database.CloseConnectionAsync();
                await context.DisposeAsync();
            }
        }
    }
}
