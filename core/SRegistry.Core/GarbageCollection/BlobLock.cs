using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.GarbageCollection;

/// <summary>
/// The transaction-scoped PostgreSQL advisory lock between referencing blobs and deleting them.
/// Recording a blob and adding a reference take it shared (the latter through the
/// <c>blob_reference_guard</c> trigger), so pushes never wait for each other; the garbage collector
/// takes it exclusively while it deletes rows and bytes. Works across every instance on the database.
/// </summary>
internal static class BlobLock
{
    /// <summary>'SRegGC' as a number; the same key the trigger in the Operations migration uses.</summary>
    public const long Key = 0x5352_6567_4743;

    /// <summary>The SQLSTATE the trigger raises when a new reference names a blob that was collected.</summary>
    public const string CollectedSqlState = "SRG01";

    /// <summary>Takes the lock in shared mode until the current transaction ends.</summary>
    public static Task ShareAsync(RegistryDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock_shared({Key})", cancellationToken);

    /// <summary>Takes the lock exclusively until the current transaction ends (waits for every sharer).</summary>
    public static Task TakeExclusiveAsync(RegistryDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({Key})", cancellationToken);
}
