using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Oci;

/// <summary>
/// Finds the manifest a tag or digest names in a repository: one pushed through the OCI door, or the
/// one made from a library image (see <see cref="SifArtifacts.Synthesize"/>).
/// </summary>
internal sealed class ManifestLookup(RegistryDbContext db, OciBlobs blobs)
{
    public async Task<ServedManifest?> ByDigestAsync(Container container, BlobDigest digest, CancellationToken cancellationToken)
    {
        var hex = digest.Hex;
        var stored = await db.Manifests.AsNoTracking().Where(m => m.ContainerId == container.Id && m.Digest == hex)
            .Select(m => new { m.MediaType, m.Content }).SingleOrDefaultAsync(cancellationToken);
        if (stored is not null)
            return new ServedManifest(digest, stored.MediaType, stored.Content);
        return (await SynthesizedAsync(container, digest, cancellationToken))?.Manifest;
    }

    /// <summary>The newest of the OCI tag and the library tag of that name: whichever door pushed last wins.</summary>
    public async Task<ServedManifest?> ByTagAsync(Container container, string tag, CancellationToken cancellationToken)
    {
        var oci = await db.ManifestTags.AsNoTracking().Where(t => t.ContainerId == container.Id && t.Name == tag)
            .Select(t => new { t.UpdatedAt, t.Manifest.Digest, t.Manifest.MediaType, t.Manifest.Content }).SingleOrDefaultAsync(cancellationToken);
        var library = await db.Tags.AsNoTracking().Include(t => t.Image)
            .Where(t => t.ContainerId == container.Id && t.Name == tag && t.Image.Uploaded)
            .OrderBy(t => t.Arch == ImageCatalog.DefaultArch ? 0 : 1).ThenBy(t => t.Arch)
            .FirstOrDefaultAsync(cancellationToken);

        if (oci is not null && (library is null || oci.UpdatedAt >= library.UpdatedAt))
            return new ServedManifest(BlobDigest.Parse(oci.Digest), oci.MediaType, oci.Content);
        return library is null ? null : await ForImageAsync(container, library.Image, cancellationToken);
    }

    private async Task<ServedManifest> ForImageAsync(Container container, Image image, CancellationToken cancellationToken)
    {
        var pushed = await db.Manifests.AsNoTracking().Where(m => m.ImageId == image.Id).OrderByDescending(m => m.Id)
            .Select(m => new { m.Digest, m.MediaType, m.Content }).FirstOrDefaultAsync(cancellationToken);
        if (pushed is not null)
            return new ServedManifest(BlobDigest.Parse(pushed.Digest), pushed.MediaType, pushed.Content);
        await blobs.EnsureEmptyConfigAsync(cancellationToken);
        return SifArtifacts.Synthesize(container, image);
    }

    /// <summary>The library image whose made-up manifest has this digest, with that manifest.</summary>
    public async Task<(ServedManifest Manifest, Image Image)?> SynthesizedAsync(Container container, BlobDigest digest, CancellationToken cancellationToken)
    {
        var sifImages = await db.Images.AsNoTracking()
            .Where(i => i.ContainerId == container.Id && i.Uploaded && i.MediaType == MediaTypes.SifLayer)
            .ToListAsync(cancellationToken);
        foreach (var image in sifImages)
        {
            var made = SifArtifacts.Synthesize(container, image);
            if (made.Digest == digest)
            {
                await blobs.EnsureEmptyConfigAsync(cancellationToken);
                return (made, image);
            }
        }

        return null;
    }
}
