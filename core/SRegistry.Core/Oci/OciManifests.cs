using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Oci;

/// <summary>
/// Manifests of a repository: push (checked against what the repository holds), pull by tag or digest,
/// delete, tag listing and referrers. The caller's rights on the repository are checked by the door
/// before it calls here.
/// </summary>
public sealed class OciManifests(RegistryDbContext db, OciBlobs blobs, SifArtifacts sif, AuditLog audit, TimeProvider time)
{
    private readonly ManifestLookup _lookup = new(db, blobs);

    /// <summary>
    /// Stores a manifest pushed to <paramref name="tag"/> or, when that is null, by <paramref name="digest"/>
    /// (which must then be the content's). Every blob an image manifest names must be in the repository
    /// (<see cref="OciError.ManifestBlobUnknown"/>), every manifest an index names too. A SIF artifact also
    /// becomes the library image of its layer, and its tag the library tag.
    /// </summary>
    public async Task<OciResult<PushedManifest>> PutAsync(
        Container container, string? tag, BlobDigest? digest, string? contentType, byte[] content, Caller caller, CancellationToken cancellationToken)
    {
        var computed = BlobDigest.FromHash(SHA256.HashData(content));
        if (digest is { } named && named != computed)
            return OciResult<PushedManifest>.Failure(OciError.DigestInvalid, $"The manifest's digest is {computed}, not {named} as the URL says.");
        var parsed = ManifestDocument.Parse(content, contentType);
        if (!parsed.Succeeded)
            return parsed.As<PushedManifest>();
        var document = parsed.Value!;

        var missing = await MissingReferenceAsync(container, document, cancellationToken);
        if (missing is not null)
            return OciResult<PushedManifest>.Failure(OciError.ManifestBlobUnknown, missing);

        try
        {
            return await StoreAsync(container, tag, computed, document, content, caller, cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsCollectedBlob(e))
        {
            db.ChangeTracker.Clear();
            return OciResult<PushedManifest>.Failure(OciError.ManifestBlobUnknown,
                "A blob the manifest names was garbage-collected while it was pushed; push the blob again, then the manifest.");
        }
    }

    private async Task<OciResult<PushedManifest>> StoreAsync(
        Container container, string? tag, BlobDigest computed, ManifestDocument document, byte[] content, Caller caller, CancellationToken cancellationToken)
    {
        long? imageId = null;
        if (SifArtifacts.IsSifArtifact(document))
        {
            var image = await sif.RecordImageAsync(container, document.Layers[0], caller, cancellationToken);
            if (!image.Succeeded)
                return image.As<PushedManifest>();
            imageId = image.Value!.Id;
            if (tag is not null && await sif.TagAsync(container, tag, image.Value, caller, cancellationToken) is { Succeeded: false } tagged)
                return tagged.As<PushedManifest>();
        }

        // Clients push the same manifest (and tag) from several jobs at once; whoever loses the insert
        // race finds the winner's rows on its second attempt, and the outcome is the same.
        for (var attempt = 1; ; attempt++)
        {
            var manifest = await SaveAsync(container, computed, document, content, imageId, cancellationToken);
            if (tag is not null && imageId is null)
                await SetTagAsync(container, tag, manifest, cancellationToken);
            audit.Record(caller.Actor, OciAuditActions.ManifestPush, $"manifest:{CatalogText.Path(container)}@{computed}", new { tag, document.MediaType });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return OciResult<PushedManifest>.Success(new PushedManifest(computed, document.Subject?.Digest));
            }
            catch (DbUpdateException e) when (attempt == 1 && SaveConflicts.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The manifest a tag or digest names: as pushed, or made from the library image the tag or digest names.</summary>
    public async Task<ServedManifest?> GetAsync(Container container, string? tag, BlobDigest? digest, CancellationToken cancellationToken) =>
        digest is { } d ? await _lookup.ByDigestAsync(container, d, cancellationToken) : await _lookup.ByTagAsync(container, tag!, cancellationToken);

    /// <summary>
    /// Deletes a manifest by digest (a SIF artifact's with its library image, as that is what it is) or a tag;
    /// false when there is no such manifest or tag.
    /// </summary>
    public async Task<bool> DeleteAsync(Container container, string? tag, BlobDigest? digest, Caller caller, CancellationToken cancellationToken)
    {
        var target = $"{CatalogText.Path(container)}{(tag is null ? "@" + digest : ":" + tag)}";
        int deleted;
        if (tag is not null)
        {
            deleted = await db.ManifestTags.Where(t => t.ContainerId == container.Id && t.Name == tag).ExecuteDeleteAsync(cancellationToken)
                + await db.Tags.Where(t => t.ContainerId == container.Id && t.Name == tag).ExecuteDeleteAsync(cancellationToken);
            audit.Record(caller.Actor, OciAuditActions.TagDelete, "tag:" + target);
        }
        else
        {
            var hex = digest!.Value.Hex;
            var stored = await db.Manifests.Where(m => m.ContainerId == container.Id && m.Digest == hex)
                .Select(m => new { m.Id, m.ImageId }).SingleOrDefaultAsync(cancellationToken);
            var imageId = stored?.ImageId ?? (await _lookup.SynthesizedAsync(container, digest.Value, cancellationToken))?.Image.Id;
            if (stored is null && imageId is null)
                return false;
            deleted = imageId is { } id
                ? await db.Images.Where(i => i.Id == id).ExecuteDeleteAsync(cancellationToken)
                : await db.Manifests.Where(m => m.Id == stored!.Id).ExecuteDeleteAsync(cancellationToken);
            audit.Record(caller.Actor, OciAuditActions.ManifestDelete, "manifest:" + target);
        }

        if (deleted == 0)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The repository's tag names (OCI and library, each once), in order, after <paramref name="last"/>.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(Container container, string? last, int limit, CancellationToken cancellationToken)
    {
        var names = await db.ManifestTags.Where(t => t.ContainerId == container.Id).Select(t => t.Name)
            .Union(db.Tags.Where(t => t.ContainerId == container.Id && t.Image.Uploaded).Select(t => t.Name))
            .ToListAsync(cancellationToken);
        return [.. names.Where(n => last is null || string.CompareOrdinal(n, last) > 0).Order(StringComparer.Ordinal).Take(limit)];
    }

    /// <summary>Descriptors of the repository's manifests whose subject is <paramref name="subject"/>, optionally of one artifact type.</summary>
    public async Task<IReadOnlyList<OciDescriptor>> ReferrersAsync(Container container, BlobDigest subject, string? artifactType, CancellationToken cancellationToken)
    {
        var hex = subject.Hex;
        var query = db.Manifests.AsNoTracking().Where(m => m.ContainerId == container.Id && m.SubjectDigest == hex);
        if (artifactType is not null)
            query = query.Where(m => m.ArtifactType == artifactType);
        var rows = await query.OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(m => new OciDescriptor(m.MediaType, BlobDigest.Parse(m.Digest), m.Size, m.ArtifactType, ManifestDocument.AnnotationsOf(m.Content)))];
    }

    private async Task<Manifest> SaveAsync(Container container, BlobDigest digest, ManifestDocument document, byte[] content, long? imageId, CancellationToken cancellationToken)
    {
        var hex = digest.Hex;
        var manifest = await db.Manifests.SingleOrDefaultAsync(m => m.ContainerId == container.Id && m.Digest == hex, cancellationToken);
        if (manifest is not null)
        {
            manifest.ImageId = imageId ?? manifest.ImageId;
            return manifest;
        }

        manifest = new Manifest
        {
            ContainerId = container.Id,
            Digest = hex,
            MediaType = document.MediaType,
            Size = content.Length,
            Content = content,
            ArtifactType = document.ReportedArtifactType,
            SubjectDigest = document.Subject?.Digest.Hex,
            ImageId = imageId,
            CreatedAt = time.GetUtcNow(),
        };
        var named = (document.Config is { } config ? [config] : Array.Empty<OciDescriptor>()).Concat(document.Layers)
            .Select(d => new ManifestReference { Digest = d.Digest.Hex })
            .Concat(document.Manifests.Select(d => new ManifestReference { Digest = d.Digest.Hex, IsManifest = true }));
        manifest.References.AddRange(named.DistinctBy(r => r.Digest));
        db.Manifests.Add(manifest);
        return manifest;
    }

    private async Task SetTagAsync(Container container, string tag, Manifest manifest, CancellationToken cancellationToken)
    {
        var existing = await db.ManifestTags.SingleOrDefaultAsync(t => t.ContainerId == container.Id && t.Name == tag, cancellationToken);
        if (existing is null)
        {
            existing = new ManifestTag { ContainerId = container.Id, Name = tag };
            db.ManifestTags.Add(existing);
        }

        existing.Manifest = manifest;
        existing.UpdatedAt = time.GetUtcNow();
    }

    private async Task<string?> MissingReferenceAsync(Container container, ManifestDocument document, CancellationToken cancellationToken)
    {
        foreach (var child in document.Manifests)
        {
            if (await _lookup.ByDigestAsync(container, child.Digest, cancellationToken) is null)
                return $"The index names the manifest {child.Digest}, which is not in this repository; push it first.";
        }

        foreach (var blob in (document.Config is { } config ? [config] : Array.Empty<OciDescriptor>()).Concat(document.Layers))
        {
            if (await blobs.SizeAsync(container, blob.Digest, cancellationToken) is null)
                return $"The manifest names the blob {blob.Digest}, which is not in this repository; upload it first.";
        }

        return null;
    }
}
