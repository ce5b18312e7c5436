using Microsoft.EntityFrameworkCore;
using Npgsql;

using SRegistry.Core.GarbageCollection;

namespace SRegistry.Core.Persistence;

/// <summary>
/// Turns a lost race on a unique index into an expected outcome. Services check for duplicates
/// first (to give a precise message); this covers two requests that pass the check at once.
/// </summary>
internal static class SaveConflicts
{
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>A new reference named a blob the garbage collector removed meanwhile (the <c>blob_reference_guard</c> trigger).</summary>
    public static bool IsCollectedBlob(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: BlobLock.CollectedSqlState };

    /// <summary>
    /// Forgets rows that a failed save was adding, so the next <c>SaveChanges</c> of the same scoped
    /// context does not try (and fail) to insert them again.
    /// </summary>
    public static void DiscardAdded(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            entry.State = EntityState.Detached;
    }
}
