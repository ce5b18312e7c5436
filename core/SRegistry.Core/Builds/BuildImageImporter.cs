using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Images;
using SRegistry.Core.Persistence;
using SRegistry.Core.Quotas;
using SRegistry.Core.Uploads;

namespace SRegistry.Core.Builds;

/// <summary>
/// Takes a finished build's SIF image the way a library push does: the destination container is made
/// ready first, then the bytes stream into the store against the announced digest and size
/// (<see cref="UploadFinisher"/>: verified, SIF metadata read). The build's tag is moved separately
/// (<see cref="TagAsync"/>), only once the build has become a success, so a build cancelled meanwhile
/// moves no tag.
/// </summary>
public sealed class BuildImageImporter(
    RegistryDbContext db, CallerFactory callers, BuildDestination destination, ImageCatalog images, ImageStore store,
    SifMetadataRecorder sif, TagCatalog tags, QuotaService quotas, AuditLog audit, TimeProvider time)
{
    /// <summary>The outcome, with a message for the build when it failed.</summary>
    public readonly record struct Outcome(BuildImageImport Result, string? Failure, long? ImageId);

    /// <summary>Imports the image for a Working build, untagged; any refusal comes back as a failure message.</summary>
    public async Task<Outcome> ImportAsync(Build build, Stream content, BlobDigest digest, long size, CancellationToken cancellationToken)
    {
        var caller = build.OwnerUserId is { } ownerId ? await callers.ForUserIdAsync(ownerId, null, cancellationToken) : Caller.System;
        if (caller.IsAnonymous)
            return Failed("The user this build acts for no longer exists or is disabled; nothing was stored.");
        var container = await destination.EnsureAsync(build, caller, cancellationToken);
        if (!container.Succeeded)
            return Failed($"The image cannot go to {build.Entity}/{build.Collection}/{build.Container}: {container.Message}");

        var containerId = container.Value.Id;
        // Like every push: the owner's quota is checked before a byte is stored.
        if (await quotas.ExceededAsync(containerId, size, cancellationToken) is { } exceeded)
            return Failed($"The built image was refused: {exceeded.Refusal(size)}");
        var existed = await db.Images.AnyAsync(i => i.ContainerId == containerId && i.Digest == digest.Hex, cancellationToken);
        var image = await images.CreateImageAsync(containerId, digest.ToString(), null, caller, cancellationToken);
        if (!image.Succeeded)
            return Failed(image.Message);

        var finisher = new UploadFinisher(db, store, sif, audit, time);
        var stored = await finisher.StoreAsync(image.Value.Id, content, size, caller.Actor, cancellationToken);
        if (!stored.Succeeded)
        {
            // The image row was made for these bytes alone; without them it must not linger as a half-push.
            if (!existed)
                await db.Images.Where(i => i.Id == image.Value.Id && !i.Uploaded).ExecuteDeleteAsync(cancellationToken);
            var mismatch = stored.Error is RegistryError.DigestMismatch or RegistryError.SizeMismatch;
            return new Outcome(mismatch ? BuildImageImport.Mismatch : BuildImageImport.NotAccepted, $"The built image was refused: {stored.Message}", null);
        }

        return new Outcome(BuildImageImport.Imported, null, stored.Value.Id);

        static Outcome Failed(string message) => new(BuildImageImport.NotAccepted, message, null);
    }

    /// <summary>Points the build's tag at its imported image; returns why it could not, or null.</summary>
    public async Task<string?> TagAsync(Build build, long imageId, CancellationToken cancellationToken)
    {
        var caller = build.OwnerUserId is { } ownerId ? await callers.ForUserIdAsync(ownerId, null, cancellationToken) : Caller.System;
        var containerId = await db.Images.Where(i => i.Id == imageId).Select(i => i.ContainerId).SingleAsync(cancellationToken);
        var tagged = await tags.SetTagAsync(containerId, null, build.Tag, imageId, caller, cancellationToken);
        return tagged.Succeeded ? null : $"The image was stored but the tag '{build.Tag}' could not be set: {tagged.Message}";
    }
}
