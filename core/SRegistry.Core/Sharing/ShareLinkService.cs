using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;
using SRegistry.Core.Security;

namespace SRegistry.Core.Sharing;

/// <summary>
/// Expiring links that download one image without signing in. Creating, listing and revoking them is
/// for those who may delete the image (owners and administrators): a link hands the image to anyone.
/// </summary>
public sealed class ShareLinkService(RegistryDbContext db, AuditLog audit, TimeProvider time, IOptions<SharingOptions> options)
{
    /// <summary>The secret in a share link URL: <c>shr_</c> and 32 random bytes; only its hash is stored.</summary>
    public static SecretFormat Secrets { get; } = new("shr_");

    /// <summary>Creates a link to an uploaded image that works for <paramref name="lifetime"/>.</summary>
    public async Task<RegistryResult<CreatedShareLink>> CreateAsync(long imageId, TimeSpan lifetime, Caller caller, CancellationToken cancellationToken = default)
    {
        var max = options.Value.MaxLifetime;
        if (lifetime < SharingOptions.MinLifetime || lifetime > max)
            return RegistryResult<CreatedShareLink>.Failure(RegistryError.InvalidExpiry,
                $"A share link's lifetime must be between {SharingOptions.MinLifetime} and {max}; {lifetime} is not.");
        var image = await OwnedImageAsync(imageId, caller, "share", cancellationToken);
        if (!image.Succeeded)
            return RegistryResult<CreatedShareLink>.Failure(image.Error, image.Message);
        if (!image.Value.Uploaded)
            return RegistryResult<CreatedShareLink>.Failure(RegistryError.Conflict, $"Image {imageId} has no content yet; upload it before sharing it.");

        var secret = Secrets.Create();
        var now = time.GetUtcNow();
        var link = new ShareLink
        {
            ImageId = imageId,
            SecretHash = SecretFormat.Hash(secret),
            CreatedByUserId = caller.UserId!.Value,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.ShareLinks.Add(link);
        audit.Record(caller.Actor, SharingAuditActions.Create, CatalogText.ImageTarget(image.Value.Container, image.Value), new { link.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return RegistryResult<CreatedShareLink>.Success(new CreatedShareLink(link, secret));
    }

    /// <summary>The image's links, newest first, expired and revoked ones included.</summary>
    public async Task<RegistryResult<IReadOnlyList<ShareLink>>> ListAsync(long imageId, Caller caller, CancellationToken cancellationToken = default)
    {
        var image = await OwnedImageAsync(imageId, caller, "see the share links of", cancellationToken);
        if (!image.Succeeded)
            return RegistryResult<IReadOnlyList<ShareLink>>.Failure(image.Error, image.Message);
        var links = await db.ShareLinks.AsNoTracking().Where(l => l.ImageId == imageId)
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).ToListAsync(cancellationToken);
        return RegistryResult<IReadOnlyList<ShareLink>>.Success(links);
    }

    /// <summary>Revokes a link at once; revoking a revoked link changes nothing.</summary>
    public async Task<RegistryResult<ShareLink>> RevokeAsync(long linkId, Caller caller, CancellationToken cancellationToken = default)
    {
        var imageId = await db.ShareLinks.Where(l => l.Id == linkId).Select(l => (long?)l.ImageId).SingleOrDefaultAsync(cancellationToken);
        var image = imageId is null ? null : await OwnedImageAsync(imageId.Value, caller, "revoke the share links of", cancellationToken);
        if (image is null || image.Error == RegistryError.NotFound)
            return RegistryResult<ShareLink>.Failure(RegistryError.NotFound, $"There is no share link with id {linkId}.");
        if (!image.Succeeded)
            return RegistryResult<ShareLink>.Failure(image.Error, image.Message);

        var link = await db.ShareLinks.SingleAsync(l => l.Id == linkId, cancellationToken);
        if (link.RevokedAt is null)
        {
            link.RevokedAt = time.GetUtcNow();
            audit.Record(caller.Actor, SharingAuditActions.Revoke, CatalogText.ImageTarget(image.Value.Container, image.Value), new { linkId });
            await db.SaveChangesAsync(cancellationToken);
        }

        return RegistryResult<ShareLink>.Success(link);
    }

    /// <summary>
    /// The image a link's secret opens (with its container, collection and entity), or null when the
    /// secret is unknown, revoked or expired, or the image has no content. With <paramref name="recordUse"/>
    /// the use is counted and written to the audit log.
    /// </summary>
    public async Task<Image?> OpenAsync(string? secret, bool recordUse, CancellationToken cancellationToken = default)
    {
        if (!Secrets.HasShape(secret))
            return null;
        var hash = SecretFormat.Hash(secret);
        var link = await db.ShareLinks.AsNoTracking()
            .Include(l => l.Image).ThenInclude(i => i.Container).ThenInclude(c => c.Collection).ThenInclude(c => c.Entity)
            .SingleOrDefaultAsync(l => l.SecretHash == hash, cancellationToken);
        if (link is null
            || !CryptographicOperations.FixedTimeEquals(link.SecretHash, hash)
            || link.RevokedAt is not null
            || link.ExpiresAt <= time.GetUtcNow()
            || !link.Image.Uploaded)
            return null;

        if (recordUse)
        {
            await db.ShareLinks.Where(l => l.Id == link.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.UseCount, l => l.UseCount + 1), cancellationToken);
            audit.Record(new Actor(null, "share-link"), SharingAuditActions.Use, CatalogText.ImageTarget(link.Image.Container, link.Image), new { linkId = link.Id });
            await db.SaveChangesAsync(cancellationToken);
        }

        return link.Image;
    }

    private async Task<RegistryResult<Image>> OwnedImageAsync(long imageId, Caller caller, string verb, CancellationToken cancellationToken)
    {
        var image = await db.VisibleImages(caller).AsNoTracking()
            .Include(i => i.Container).ThenInclude(c => c.Collection).ThenInclude(c => c.Entity)
            .SingleOrDefaultAsync(i => i.Id == imageId, cancellationToken);
        if (image is null)
            return RegistryResult<Image>.Failure(RegistryError.NotFound, $"There is no image with id {imageId}.");
        if (caller.UserId is null || caller.IsRobot || !await db.IsAllowedAsync(image.Container.CollectionId, AccessPolicy.CanDelete(caller), cancellationToken))
            return RegistryResult<Image>.Failure(RegistryError.Forbidden,
                $"You may not {verb} image {imageId}: only the owners of its collection or entity may, with a token that allows delete.");
        return RegistryResult<Image>.Success(image);
    }
}
