using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Uploads;

/// <summary>Removes uploads that can no longer finish: expired sessions, and part directories whose upload is gone.</summary>
internal sealed class UploadPruner(RegistryDbContext db, PartFiles parts, TimeProvider time)
{
    public async Task<PrunedUploads> PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        // A part's URL expires long before its upload does; a part that arrived, or is arriving, is
        // kept as long as its upload lives (deleting the upload removes its parts by cascade).
        var sessions = await db.UploadSessions
            .Where(s => s.ExpiresAt <= now && (s.Kind != UploadKind.MultipartPart || s.UsedAt == null))
            .ExecuteDeleteAsync(cancellationToken);

        // Directories are listed before the database is asked: an upload's row exists before its first
        // part creates the directory, so a directory without a row belongs to an upload that is gone.
        var onDisk = parts.ListUploads().ToList();
        var live = await db.UploadSessions.Where(s => onDisk.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        var abandoned = onDisk.Except(live).ToList();
        foreach (var uploadId in abandoned)
            parts.Delete(uploadId);
        return new PrunedUploads(sessions, abandoned.Count);
    }
}
