using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;
using SRegistry.Core.Quotas;
using SRegistry.Core.Storage;

namespace SRegistry.Core.Uploads;

/// <summary>Uploads of a whole image in one request: through a capability URL (v2) or directly (v1).</summary>
internal sealed class SinglePartUploads(
    RegistryDbContext db, UploadAccess access, UploadUrls urls, UploadFinisher finisher, DirectTransfers direct, QuotaService quotas, IOptions<UploadOptions> options, TimeProvider time)
{
    public async Task<RegistryResult<UploadTicket>> BeginAsync(
        long imageId, long declaredSize, string? declaredSha256Hex, Caller caller, CancellationToken cancellationToken)
    {
        var found = await access.FindPushableAsync(imageId, caller, cancellationToken);
        if (!found.Succeeded)
            return RegistryResult<UploadTicket>.Failure(found.Error, found.Message);
        var image = found.Value;
        if (!string.IsNullOrEmpty(declaredSha256Hex))
        {
            if (!BlobDigest.TryParse(declaredSha256Hex, out var declared))
                return RegistryResult<UploadTicket>.Failure(RegistryError.InvalidDigest,
                    $"'{declaredSha256Hex}' is not a sha256 checksum (64 hexadecimal characters).");
            if (declared.Hex != image.Digest)
                return RegistryResult<UploadTicket>.Failure(RegistryError.Conflict,
                    $"The file's sha256 {declared.Hex} differs from the hash the image was created with, sha256.{image.Digest}.");
        }
        if (image.Uploaded)
            return RegistryResult<UploadTicket>.Success(new UploadTicket(null, time.GetUtcNow()));
        if (declaredSize <= 0)
            return RegistryResult<UploadTicket>.Failure(RegistryError.SizeMismatch, $"The file size must be a positive number of bytes, not {declaredSize}.");
        if (await quotas.ExceededAsync(image.ContainerId, declaredSize, cancellationToken) is { } exceeded)
            return RegistryResult<UploadTicket>.Failure(RegistryError.QuotaExceeded, exceeded.Refusal(declaredSize));

        var now = time.GetUtcNow();
        var session = new UploadSession
        {
            Id = Guid.NewGuid(),
            ImageId = image.Id,
            Kind = UploadKind.SinglePart,
            ExpectedSize = declaredSize,
            CreatedAt = now,
            ExpiresAt = now + options.Value.UrlLifetime,
            CreatedByUserId = caller.UserId!.Value,
        };
        if (direct.Transfer is { } transfer)
        {
            // The client sends the bytes to the store; _complete verifies and publishes them (CompleteDirectAsync).
            var presigned = await transfer.CreateUploadAsync(BlobDigest.Parse(image.Digest), declaredSize, direct.UrlLifetime, cancellationToken);
            session.DirectUploadId = presigned.UploadId;
            session.ExpiresAt = presigned.ExpiresAt;
            db.UploadSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
            return RegistryResult<UploadTicket>.Success(new UploadTicket(null, presigned.ExpiresAt, presigned.Url));
        }

        var secret = urls.Issue(session);
        await db.SaveChangesAsync(cancellationToken);
        return RegistryResult<UploadTicket>.Success(new UploadTicket(secret, session.ExpiresAt));
    }

    /// <summary>
    /// Verifies and publishes the bytes a client sent straight to the store for the image, if such an
    /// upload is waiting; null when there is none. The upload is claimed first, so it completes once.
    /// </summary>
    public async Task<RegistryResult<Image>?> CompleteDirectAsync(long imageId, Caller caller, CancellationToken cancellationToken)
    {
        if (direct.Transfer is not { } transfer)
            return null;
        var session = await db.UploadSessions.AsNoTracking()
            .Where(s => s.ImageId == imageId && s.Kind == UploadKind.SinglePart && s.DirectUploadId != null && s.UsedAt == null)
            .OrderByDescending(s => s.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null)
            return null;
        var now = time.GetUtcNow();
        if (await db.UploadSessions.Where(s => s.Id == session.Id && s.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.UsedAt, now), cancellationToken) != 1)
            return null;

        var image = await db.Images.AsNoTracking().Where(i => i.Id == imageId).Select(i => i.Digest).SingleAsync(cancellationToken);
        // The store needs only the id, digest and size back; the URL was the client's to use.
        var upload = new PresignedUpload(session.DirectUploadId!, new Uri("urn:sregistry:direct-upload"), new Dictionary<string, string>(),
            BlobDigest.Parse(image), session.ExpectedSize, session.ExpiresAt);
        var stored = await transfer.CompleteUploadAsync(upload, cancellationToken);
        return await finisher.AcceptPublishedAsync(imageId, stored, session.ExpectedSize, caller.Actor, cancellationToken);
    }

    public async Task<RegistryResult<Image>> ReceiveAsync(string secret, Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        var session = await urls.FindAsync(secret, UploadKind.SinglePart, cancellationToken);
        if (session is null)
            return RegistryResult<Image>.Failure(RegistryError.NotFound, UploadUrls.Unusable);

        // Refused before claiming: a client that announces the wrong length may retry with the same URL.
        if (contentLength is { } length && length != session.ExpectedSize)
            return RegistryResult<Image>.Failure(RegistryError.SizeMismatch,
                $"The request is {length} bytes long, but the upload was announced with {session.ExpectedSize}; nothing was stored.");
        if (!await urls.ClaimAsync(session, cancellationToken))
            return RegistryResult<Image>.Failure(RegistryError.NotFound, UploadUrls.Unusable);

        var actor = await urls.ActorOfAsync(session, cancellationToken);
        return await finisher.StoreAsync(session.ImageId, new ClientBodyStream(body), session.ExpectedSize, actor, cancellationToken);
    }

    public Task<RegistryResult<Image>> ReceiveDirectAsync(long imageId, Stream body, long? contentLength, Caller caller, CancellationToken cancellationToken) =>
        ReceiveCheckedAsync(imageId, contentLength ?? 0, caller,
            () => finisher.StoreAsync(imageId, new ClientBodyStream(body), null, caller.Actor, cancellationToken), cancellationToken);

    public Task<RegistryResult<Image>> ReceiveFileAsync(long imageId, string path, long size, BlobDigest digest, Caller caller, CancellationToken cancellationToken) =>
        ReceiveCheckedAsync(imageId, size, caller, () => finisher.StoreFileAsync(imageId, path, size, digest, caller.Actor, cancellationToken), cancellationToken);

    // Access and quota are checked before the first byte is read; without a Content-Length, a full quota still refuses.
    private async Task<RegistryResult<Image>> ReceiveCheckedAsync(
        long imageId, long requested, Caller caller, Func<Task<RegistryResult<Image>>> store, CancellationToken cancellationToken)
    {
        var found = await access.FindPushableAsync(imageId, caller, cancellationToken);
        if (!found.Succeeded || found.Value.Uploaded)
            return found;
        if (await quotas.ExceededAsync(found.Value.ContainerId, requested, cancellationToken) is { } exceeded)
            return RegistryResult<Image>.Failure(RegistryError.QuotaExceeded, exceeded.Refusal(requested));
        return await store();
    }
}
