using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Uploads;

/// <summary>
/// The end of a multipart upload: assembling its parts into the image, or dropping them. Either way
/// nothing of the upload is left behind, so a client that fails may simply push again.
/// </summary>
internal sealed class MultipartCompletion(
    RegistryDbContext db, UploadAccess access, IUploadStaging staging, UploadFinisher finisher, IOptions<UploadOptions> options, TimeProvider time)
{
    public async Task<RegistryResult<Image>> CompleteAsync(
        long imageId, Guid uploadId, IReadOnlyList<CompletedPart> completedParts, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completedParts);
        var found = await access.FindPushableAsync(imageId, caller, cancellationToken);
        if (!found.Succeeded)
            return found;
        var upload = await MultipartUploads.FindOpenAsync(db, imageId, uploadId, time.GetUtcNow(), cancellationToken);
        if (upload is null || !await ClaimAsync(upload, cancellationToken))
            return RegistryResult<Image>.Failure(RegistryError.NotFound, MultipartUploads.NoSuchUpload(imageId, uploadId));

        try
        {
            if (found.Value.Uploaded)
                return found;
            var refusal = await CheckPartsAsync(upload, completedParts, cancellationToken);
            if (refusal is not null)
                return refusal;
            return await finisher.PublishStagedAsync(imageId, uploadId, upload.ExpectedSize, caller.Actor, cancellationToken);
        }
        finally
        {
            await DropAsync(uploadId);
        }
    }

    public async Task<RegistryResult<Image>> AbortAsync(long imageId, Guid uploadId, Caller caller, CancellationToken cancellationToken)
    {
        var found = await access.FindPushableAsync(imageId, caller, cancellationToken);
        if (!found.Succeeded)
            return found;
        // An upload being completed is left to its completion, which drops it either way.
        var exists = await db.UploadSessions.AnyAsync(
            s => s.Id == uploadId && s.ImageId == imageId && s.Kind == UploadKind.Multipart && s.UsedAt == null, cancellationToken);
        if (!exists)
            return RegistryResult<Image>.Failure(RegistryError.NotFound, MultipartUploads.NoSuchUpload(imageId, uploadId));
        await DropAsync(uploadId);
        return found;
    }

    // Marks the upload as being completed, so that a second completion (or a new part) is refused
    // instead of reading files the first one is about to delete; and keeps it from expiring meanwhile.
    private async Task<bool> ClaimAsync(UploadSession upload, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + options.Value.UrlLifetime;
        var claimed = await db.UploadSessions
            .Where(s => s.Id == upload.Id && s.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UsedAt, now).SetProperty(x => x.ExpiresAt, until), cancellationToken);
        return claimed == 1;
    }

    private async Task<RegistryResult<Image>?> CheckPartsAsync(UploadSession upload, IReadOnlyList<CompletedPart> completedParts, CancellationToken cancellationToken)
    {
        var totalParts = MultipartLayout.TotalParts(upload);
        var listed = completedParts.GroupBy(p => p.PartNumber).ToDictionary(g => g.Key, g => g.Last().Token);
        var received = await db.UploadSessions.AsNoTracking()
            .Where(s => s.ParentId == upload.Id && s.ReceivedAt != null)
            .ToDictionaryAsync(s => s.PartNumber!.Value, s => s.Receipt!, cancellationToken);

        var unknown = listed.Keys.Where(n => n < 1 || n > totalParts).Order().ToList();
        if (unknown.Count > 0)
            return Refuse($"The upload has parts 1 to {totalParts}; there is no part {string.Join(", ", unknown)}.");
        var missing = Enumerable.Range(1, totalParts).Where(n => !listed.ContainsKey(n) || !received.ContainsKey(n)).ToList();
        if (missing.Count > 0)
            return Refuse($"Part {string.Join(", ", missing)} of {totalParts} did not arrive or is not listed.");
        var wrong = listed.Where(p => !string.Equals(Normalize(p.Value), received[p.Key], StringComparison.Ordinal)).Select(p => p.Key).Order().ToList();
        if (wrong.Count > 0)
            return Refuse($"The token of part {string.Join(", ", wrong)} is not the one given when the part last arrived.");
        return null;

        static RegistryResult<Image> Refuse(string message) =>
            RegistryResult<Image>.Failure(RegistryError.Conflict, $"{message} The upload was dropped; push again.");
    }

    // Clients echo the ETag header as they received it, quotes included.
    private static string Normalize(string token) => token.Trim().Trim('"').ToLowerInvariant();

    // Runs to the end even when the request is cancelled: a half-dropped upload would linger until pruned.
    private async Task DropAsync(Guid uploadId)
    {
        await db.UploadSessions.Where(s => s.Id == uploadId).ExecuteDeleteAsync(CancellationToken.None);
        await staging.DeleteAsync(uploadId, CancellationToken.None);
    }
}
