using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;
using SRegistry.Core.Uploads;

namespace SRegistry.Core.Oci;

/// <summary>
/// The bridge between ORAS SIF artifacts and library images, which are one thing seen through two doors:
/// a SIF pushed as an artifact becomes (or refreshes) an <see cref="Image"/> with the library tag, and a
/// library image without a pushed manifest is served through a manifest made from it.
/// </summary>
public sealed class SifArtifacts(RegistryDbContext db, ImageCatalog images, TagCatalog tags, SifMetadataRecorder sif, TimeProvider time)
{
    /// <summary>Whether a manifest is a SIF artifact: the SIF config and exactly one SIF layer.</summary>
    internal static bool IsSifArtifact(ManifestDocument document) =>
        document.Config?.MediaType == MediaTypes.SifConfig && document.Layers is [{ MediaType: MediaTypes.SifLayer }];

    /// <summary>
    /// The uploaded image for the artifact's SIF layer in the container, created from the stored blob
    /// (architecture and metadata read from the SIF) when there is none yet.
    /// </summary>
    public async Task<OciResult<Image>> RecordImageAsync(Container container, OciDescriptor layer, Caller caller, CancellationToken cancellationToken)
    {
        var hex = layer.Digest.Hex;
        var existing = await db.Images.AsNoTracking().Where(i => i.ContainerId == container.Id && i.Digest == hex && i.Uploaded)
            .OrderBy(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
            return OciResult<Image>.Success(existing);

        var created = await images.CreateImageAsync(container.Id, hex, null, caller, cancellationToken);
        if (!created.Succeeded)
            return OciResult<Image>.Failure(created.Error is RegistryError.Forbidden or RegistryError.Frozen ? OciError.Denied : OciError.ManifestInvalid, created.Message);
        if (created.Value!.Uploaded)
            return OciResult<Image>.Success(created.Value);

        var image = await db.Images.Include(i => i.Labels).SingleAsync(i => i.Id == created.Value.Id, cancellationToken);
        var size = await db.Blobs.Where(b => b.Digest == hex).Select(b => b.Size).SingleAsync(cancellationToken);
        var applied = await sif.ApplyAsync(image, new BlobPutResult(BlobPutOutcome.AlreadyPresent, layer.Digest, size), cancellationToken);
        if (!applied.Succeeded)
        {
            db.ChangeTracker.Clear();
            await db.Images.Where(i => i.Id == image.Id).ExecuteDeleteAsync(cancellationToken);
            return OciResult<Image>.Failure(OciError.ManifestInvalid, $"The layer {layer.Digest} is declared a SIF image but is not one: {applied.Message}");
        }

        image.Size = size;
        image.Uploaded = true;
        image.UploadedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return OciResult<Image>.Success(image);
    }

    /// <summary>Points the library tag at the image (the OCI door's tag of that name gives way to it).</summary>
    public async Task<OciResult<Image>> TagAsync(Container container, string tag, Image image, Caller caller, CancellationToken cancellationToken)
    {
        var set = await tags.SetTagAsync(container.Id, null, tag, image.Id, caller, cancellationToken);
        if (!set.Succeeded)
            return OciResult<Image>.Failure(set.Error is RegistryError.Forbidden or RegistryError.Frozen ? OciError.Denied : OciError.ManifestInvalid, set.Message);
        await db.ManifestTags.Where(t => t.ContainerId == container.Id && t.Name == tag).ExecuteDeleteAsync(cancellationToken);
        return OciResult<Image>.Success(image);
    }

    /// <summary>
    /// The manifest an image pushed through the library door is pulled with: the <c>{}</c> SIF config and the
    /// image as its one layer. It depends only on the container name and the image's content, so the same
    /// image always has the same manifest digest.
    /// </summary>
    public static ServedManifest Synthesize(Container container, Image image)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", OciMediaTypes.ImageManifest);
            json.WriteStartObject("config");
            json.WriteString("mediaType", MediaTypes.SifConfig);
            json.WriteString("digest", EmptyConfig.Digest.ToString());
            json.WriteNumber("size", EmptyConfig.Bytes.Length);
            json.WriteEndObject();
            json.WriteStartArray("layers");
            json.WriteStartObject();
            json.WriteString("mediaType", MediaTypes.SifLayer);
            json.WriteString("digest", "sha256:" + image.Digest);
            json.WriteNumber("size", image.Size);
            json.WriteStartObject("annotations");
            json.WriteString("org.opencontainers.image.title", $"{container.Name}_{image.Arch}.sif");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        var content = buffer.ToArray();
        return new ServedManifest(BlobDigest.FromHash(SHA256.HashData(content)), OciMediaTypes.ImageManifest, content);
    }
}
