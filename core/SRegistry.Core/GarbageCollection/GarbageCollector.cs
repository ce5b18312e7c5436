using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Oci;
using SRegistry.Core.Persistence;
using SRegistry.Core.Uploads;

namespace SRegistry.Core.GarbageCollection;

/// <summary>
/// Removes expired upload sessions, then blobs nothing references: no image (uploaded or waiting for
/// its bytes), no OCI manifest (config, layers), no repository upload link, no live upload session,
/// and not recorded or re-pushed within the grace period; then bytes in the store the database never
/// recorded, when the store can list them (<see cref="IBlobInventory"/>). Deletions hold
/// <see cref="BlobLock"/> exclusively, so no reference can be added to a blob while it goes.
/// </summary>
public sealed class GarbageCollector(
    RegistryDbContext db,
    IBlobStore store,
    ImageUploadService libraryUploads,
    OciBlobUploads ociUploads,
    AuditLog audit,
    IOptions<GarbageCollectionOptions> options,
    TimeProvider time)
{
    private readonly GarbageCollectionOptions _options = options.Value;

    /// <summary>Collects (or, with <paramref name="dryRun"/>, only finds) what can go.</summary>
    public async Task<GarbageCollectionReport> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now - _options.GracePeriod;
        var expiredUploads = await ExpiredUploadsAsync(dryRun, now, cancellationToken);
        var sweep = new UnreferencedBlobSweep(db, store, _options.BatchSize);
        var collected = await sweep.RecordedAsync(dryRun, cutoff, now, cancellationToken);
        if (store is IBlobInventory inventory)
            collected.AddRange(await sweep.UnrecordedAsync(inventory, dryRun, cutoff, cancellationToken));

        var report = new GarbageCollectionReport(dryRun, collected, expiredUploads);
        if (!dryRun)
        {
            audit.Record(Actor.System, AuditActions.BlobCollect, "blobs", new { blobs = collected.Count, bytes = report.Bytes, expiredUploads });
            await db.SaveChangesAsync(cancellationToken);
        }

        return report;
    }

    private async Task<int> ExpiredUploadsAsync(bool dryRun, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!dryRun)
            return await ociUploads.PruneAsync(cancellationToken) + (await libraryUploads.PruneExpiredAsync(cancellationToken)).Sessions;

        // What the pruners would remove, by their own predicates: a part that arrived lives as long as its upload.
        return await db.UploadSessions.CountAsync(s => s.ExpiresAt <= now && (s.Kind != UploadKind.MultipartPart || s.UsedAt == null), cancellationToken)
            + await db.OciUploads.CountAsync(u => u.ExpiresAt <= now, cancellationToken);
    }
}
