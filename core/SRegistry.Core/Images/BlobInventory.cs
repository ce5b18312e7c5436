using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Images;

/// <summary>
/// Every blob the database references (uploaded images, layers and configs of OCI manifests, blobs
/// uploaded into repositories) with its recorded size: what a backup of the database needs the blob
/// store to hold, and what a restore checks it does.
/// </summary>
public sealed class BlobInventory(RegistryDbContext db, IBlobStore store)
{
    /// <summary>The referenced blobs, ordered by digest; a size of -1 means the database has no size for it.</summary>
    public async Task<IReadOnlyList<(BlobDigest Digest, long Size)>> ReadAsync(CancellationToken cancellationToken)
    {
        var referenced = await db.Images.Where(i => i.Uploaded).Select(i => i.Digest)
            .Union(db.ManifestReferences.Where(r => !r.IsManifest).Select(r => r.Digest))
            .Union(db.RepositoryBlobs.Select(b => b.Digest))
            .ToListAsync(cancellationToken);
        var sizes = await db.Blobs.Where(b => referenced.Contains(b.Digest)).ToDictionaryAsync(b => b.Digest, b => b.Size, cancellationToken);
        return [.. referenced.Order(StringComparer.Ordinal).Select(hex => (BlobDigest.Parse(hex), sizes.GetValueOrDefault(hex, -1)))];
    }

    /// <summary>The referenced blobs the store lacks, or holds with another size than recorded.</summary>
    public async Task<IReadOnlyList<(BlobDigest Digest, long Size, long? StoredSize)>> FindMissingAsync(CancellationToken cancellationToken)
    {
        var missing = new List<(BlobDigest, long, long?)>();
        foreach (var (digest, size) in await ReadAsync(cancellationToken))
        {
            var info = await store.GetInfoAsync(digest, cancellationToken);
            if (info is null || (size >= 0 && info.Size != size))
                missing.Add((digest, size, info?.Size));
        }
        return missing;
    }
}
