using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Uploads;

/// <summary>
/// Removes uploads that can no longer finish: expired library sessions, and staged bytes whose upload
/// (of either door, library multipart or OCI) is gone.
/// </summary>
internal sealed class UploadPruner(RegistryDbContext db, IUploadStaging staging, TimeProvider time)
{
    public async Task<PrunedUploads> PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        // A part's URL expires long before its upload does; a part that arrived, or is arriving, is
        // kept as long as its upload lives (deleting the upload removes its parts by cascade).
        var sessions = await db.UploadSessions
            .Where(s => s.ExpiresAt <= now && (s.Kind != UploadKind.MultipartPart || s.UsedAt == null))
            .ExecuteDeleteAsync(cancellationToken);

        // Staged uploads are listed before the database is asked: an upload's row exists before its
        // first bytes are staged, so staged bytes without a row belong to an upload that is gone.
        var staged = new List<Guid>();
        await foreach (var uploadId in staging.ListAsync(cancellationToken))
            staged.Add(uploadId);
        var live = await db.UploadSessions.Where(s => staged.Contains(s.Id)).Select(s => s.Id)
            .Concat(db.OciUploads.Where(u => staged.Contains(u.Id)).Select(u => u.Id))
            .ToListAsync(cancellationToken);
        var abandoned = staged.Distinct().Except(live).ToList();
        foreach (var uploadId in abandoned)
            await staging.DeleteAsync(uploadId, cancellationToken);
        return new PrunedUploads(sessions, abandoned.Count);
    }
}
