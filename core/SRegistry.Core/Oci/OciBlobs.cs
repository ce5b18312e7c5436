using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Images;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Oci;

/// <summary>
/// Blobs as a repository sees them. Content is shared across the store, but a repository serves only
/// blobs it has: uploaded or mounted into it, named by one of its manifests, or the content of one of
/// its images; so knowing a digest is not enough to read another repository's private image.
/// </summary>
public sealed class OciBlobs(RegistryDbContext db, ImageStore store, AuditLog audit, TimeProvider time)
{
    /// <summary>The blob's size when the repository has it and its bytes are in the store; otherwise null.</summary>
    public async Task<long?> SizeAsync(Container container, BlobDigest digest, CancellationToken cancellationToken)
    {
        if (digest == EmptyConfig.Digest)
            await EnsureEmptyConfigAsync(cancellationToken);
        else if (!await IsInRepositoryAsync(container.Id, digest.Hex, cancellationToken))
            return null;

        var hex = digest.Hex;
        var size = await db.Blobs.Where(b => b.Digest == hex).Select(b => (long?)b.Size).SingleOrDefaultAsync(cancellationToken);
        return size is not null && await store.ExistsAsync(digest, cancellationToken) ? size : null;
    }

    /// <summary>Opens the blob (see <see cref="SizeAsync"/> for which ones) from an offset, for at most a length.</summary>
    public async Task<Stream?> OpenAsync(Container container, BlobDigest digest, long offset, long? length, CancellationToken cancellationToken) =>
        await SizeAsync(container, digest, cancellationToken) is null ? null : await store.OpenReadAsync(digest, offset, length, cancellationToken);

    /// <summary>
    /// Links a stored blob to a repository (an upload finished there). Linking twice changes nothing.
    /// False when the garbage collector removed the blob meanwhile.
    /// </summary>
    public async Task<bool> LinkAsync(long containerId, BlobDigest digest, CancellationToken cancellationToken)
    {
        var hex = digest.Hex;
        if (await db.RepositoryBlobs.AnyAsync(b => b.ContainerId == containerId && b.Digest == hex, cancellationToken))
            return true;
        db.RepositoryBlobs.Add(new RepositoryBlob { ContainerId = containerId, Digest = hex, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e) || SaveConflicts.IsCollectedBlob(e))
        {
            // A concurrent upload of the same content linked it first, or the blob is gone.
            SaveConflicts.DiscardAdded(db);
            return !SaveConflicts.IsCollectedBlob(e);
        }
    }

    /// <summary>
    /// Mounts a blob from <paramref name="source"/> (which the caller may read) into <paramref name="target"/>;
    /// false when the source does not have it.
    /// </summary>
    public async Task<bool> MountAsync(Container target, Container source, BlobDigest digest, CancellationToken cancellationToken)
    {
        if (await SizeAsync(source, digest, cancellationToken) is null)
            return false;
        return await LinkAsync(target.Id, digest, cancellationToken);
    }

    /// <summary>
    /// Removes the blob from the repository's uploads (manifests and images that name it keep it) and
    /// discards the bytes when nothing references them any more. False when the repository had no such upload.
    /// </summary>
    public async Task<bool> DeleteAsync(Container container, BlobDigest digest, Actor actor, CancellationToken cancellationToken)
    {
        var hex = digest.Hex;
        var removed = await db.RepositoryBlobs.Where(b => b.ContainerId == container.Id && b.Digest == hex).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
            return false;
        audit.Record(actor, OciAuditActions.BlobUnlink, $"blob:{container.Id}:{digest}");
        await db.SaveChangesAsync(cancellationToken);
        await store.DiscardIfUnreferencedAsync(digest, actor, cancellationToken);
        return true;
    }

    /// <summary>Puts the <c>{}</c> config into the store if it is not there, so synthesized SIF manifests can be pulled whole.</summary>
    public async Task EnsureEmptyConfigAsync(CancellationToken cancellationToken)
    {
        if (await store.ExistsAsync(EmptyConfig.Digest, cancellationToken))
            return;
        using var content = new MemoryStream(EmptyConfig.Bytes.ToArray(), writable: false);
        await store.PutAsync(content, new BlobExpectation(EmptyConfig.Digest, EmptyConfig.Bytes.Length), Actor.System, cancellationToken);
    }

    private async Task<bool> IsInRepositoryAsync(long containerId, string hex, CancellationToken cancellationToken) =>
        await db.RepositoryBlobs.AnyAsync(b => b.ContainerId == containerId && b.Digest == hex, cancellationToken)
        || await db.Images.AnyAsync(i => i.ContainerId == containerId && i.Digest == hex && i.Uploaded, cancellationToken)
        || await db.ManifestReferences.AnyAsync(
            r => r.Digest == hex && !r.IsManifest && db.Manifests.Any(m => m.Id == r.ManifestId && m.ContainerId == containerId), cancellationToken);
}
