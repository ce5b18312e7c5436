using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;
using SRegistry.Core.Quotas;

namespace SRegistry.Core.Uploads;

/// <summary>
/// Multipart uploads, started and fed: the client asks for a URL per part and sends each part to it.
/// Each part is staged at its place in the image (<see cref="IUploadStaging"/>) until <see cref="MultipartCompletion"/> publishes the whole.
/// </summary>
internal sealed class MultipartUploads(
    RegistryDbContext db, UploadAccess access, UploadUrls urls, IUploadStaging staging, QuotaService quotas, IOptions<UploadOptions> options, TimeProvider time)
{
    public async Task<RegistryResult<MultipartUploadTicket>> BeginAsync(long imageId, long fileSize, Caller caller, CancellationToken cancellationToken)
    {
        var found = await access.FindPushableAsync(imageId, caller, cancellationToken);
        if (!found.Succeeded)
            return RegistryResult<MultipartUploadTicket>.Failure(found.Error, found.Message);
        if (found.Value.Uploaded)
            return RegistryResult<MultipartUploadTicket>.Success(new MultipartUploadTicket(Guid.Empty, 0, 0, AlreadyUploaded: true));
        if (fileSize <= 0)
            return RegistryResult<MultipartUploadTicket>.Failure(RegistryError.SizeMismatch, $"The file size must be a positive number of bytes, not {fileSize}.");
        if (await quotas.ExceededAsync(found.Value.ContainerId, fileSize, cancellationToken) is { } exceeded)
            return RegistryResult<MultipartUploadTicket>.Failure(RegistryError.QuotaExceeded, exceeded.Refusal(fileSize));

        var now = time.GetUtcNow();
        var upload = new UploadSession
        {
            Id = Guid.NewGuid(),
            ImageId = imageId,
            Kind = UploadKind.Multipart,
            ExpectedSize = fileSize,
            PartSize = MultipartLayout.PartSizeFor(fileSize, options.Value.MultipartPartSize),
            CreatedAt = now,
            ExpiresAt = now + options.Value.UrlLifetime,
            CreatedByUserId = caller.UserId!.Value,
        };
        db.UploadSessions.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        return RegistryResult<MultipartUploadTicket>.Success(
            new MultipartUploadTicket(upload.Id, MultipartLayout.TotalParts(upload), upload.PartSize.Value, AlreadyUploaded: false));
    }

    public async Task<RegistryResult<UploadTicket>> BeginPartAsync(
        long imageId, Guid uploadId, int partNumber, long partSize, string? partSha256Hex, Caller caller, CancellationToken cancellationToken)
    {
        var found = await access.FindPushableAsync(imageId, caller, cancellationToken);
        if (!found.Succeeded)
            return RegistryResult<UploadTicket>.Failure(found.Error, found.Message);
        var upload = await FindOpenAsync(db, imageId, uploadId, time.GetUtcNow(), cancellationToken);
        if (upload is null)
            return RegistryResult<UploadTicket>.Failure(RegistryError.NotFound, NoSuchUpload(imageId, uploadId));
        var totalParts = MultipartLayout.TotalParts(upload);
        if (partNumber < 1 || partNumber > totalParts)
            return RegistryResult<UploadTicket>.Failure(RegistryError.Conflict, $"The upload has parts 1 to {totalParts}; there is no part {partNumber}.");
        var expectedSize = MultipartLayout.SizeOfPart(upload, partNumber);
        if (partSize != expectedSize)
            return RegistryResult<UploadTicket>.Failure(RegistryError.SizeMismatch, $"Part {partNumber} of this upload has {expectedSize} bytes, not {partSize}.");
        BlobDigest? declared = null;
        if (!string.IsNullOrEmpty(partSha256Hex))
        {
            if (!BlobDigest.TryParse(partSha256Hex, out var parsed))
                return RegistryResult<UploadTicket>.Failure(RegistryError.InvalidDigest, $"'{partSha256Hex}' is not a sha256 checksum (64 hexadecimal characters).");
            declared = parsed;
        }

        // A part asked for again replaces the earlier attempt.
        await db.UploadSessions.Where(s => s.ParentId == uploadId && s.PartNumber == partNumber).ExecuteDeleteAsync(cancellationToken);
        var now = time.GetUtcNow();
        var part = new UploadSession
        {
            Id = Guid.NewGuid(),
            ImageId = imageId,
            Kind = UploadKind.MultipartPart,
            ExpectedSize = expectedSize,
            ExpectedSha256 = declared?.Hex,
            PartNumber = partNumber,
            ParentId = uploadId,
            CreatedAt = now,
            ExpiresAt = now + options.Value.UrlLifetime,
            CreatedByUserId = caller.UserId!.Value,
        };
        var secret = urls.Issue(part);
        await db.SaveChangesAsync(cancellationToken);
        await ExtendAsync(db, uploadId, part.ExpiresAt + options.Value.UrlLifetime, cancellationToken);
        return RegistryResult<UploadTicket>.Success(new UploadTicket(secret, part.ExpiresAt));
    }

    public async Task<RegistryResult<ReceivedPart>> ReceivePartAsync(string secret, Stream body, CancellationToken cancellationToken)
    {
        var part = await urls.FindAsync(secret, UploadKind.MultipartPart, cancellationToken);
        if (part is null || !await urls.ClaimAsync(part, cancellationToken))
            return RegistryResult<ReceivedPart>.Failure(RegistryError.NotFound, UploadUrls.Unusable);
        var uploadId = part.ParentId!.Value;
        var partNumber = part.PartNumber!.Value;

        var partSize = await db.UploadSessions.Where(s => s.Id == uploadId).Select(s => s.PartSize).SingleOrDefaultAsync(cancellationToken);
        if (partSize is null)
            return RegistryResult<ReceivedPart>.Failure(RegistryError.NotFound, Gone);

        var client = new ClientBodyStream(body);
        StagedPiece received;
        try
        {
            // A part is hashed on its own only to check the sha256 the client announced; the whole is checked at completion anyway.
            received = await staging.WriteAsync(uploadId, (partNumber - 1) * partSize.Value, client, part.ExpectedSize,
                digestPiece: part.ExpectedSha256 is not null, cancellationToken);
        }
        catch (IOException e) when (client.Failed)
        {
            return RegistryResult<ReceivedPart>.Failure(RegistryError.SizeMismatch,
                $"Part {partNumber} broke off after {client.BytesRead} bytes ({e.Message}); send the part again.");
        }
        catch (UploadStagingException e)
        {
            return RegistryResult<ReceivedPart>.Failure(RegistryError.NotFound, e.Message);
        }

        // A refused part is not recorded, so the completion refuses the upload unless the part is sent again.
        var refusal = Check(received, part);
        if (refusal is not null)
            return refusal;
        var now = time.GetUtcNow();
        var receipt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var recorded = await db.UploadSessions
            .Where(s => s.Id == part.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReceivedAt, now).SetProperty(x => x.Receipt, receipt), cancellationToken);
        if (recorded == 0)
            return RegistryResult<ReceivedPart>.Failure(RegistryError.NotFound, Gone);

        return RegistryResult<ReceivedPart>.Success(new ReceivedPart(partNumber, receipt));
    }

    /// <summary>The multipart upload of the image, when it is neither expired nor being completed.</summary>
    internal static Task<UploadSession?> FindOpenAsync(RegistryDbContext db, long imageId, Guid uploadId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.UploadSessions.AsNoTracking().SingleOrDefaultAsync(
            s => s.Id == uploadId && s.ImageId == imageId && s.Kind == UploadKind.Multipart && s.UsedAt == null && s.ExpiresAt > now,
            cancellationToken);

    /// <summary>Keeps an active upload from expiring (the lifetime of a multipart upload slides with its activity).</summary>
    internal static Task ExtendAsync(RegistryDbContext db, Guid uploadId, DateTimeOffset until, CancellationToken cancellationToken) =>
        db.UploadSessions.Where(s => s.Id == uploadId && s.ExpiresAt < until).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, until), cancellationToken);

    internal static string NoSuchUpload(long imageId, Guid uploadId) =>
        $"There is no open multipart upload '{uploadId}' for image {imageId}; it may have expired, been aborted or completed. Push again.";

    private const string Gone = "The multipart upload was aborted or completed while this part arrived.";

    private static RegistryResult<ReceivedPart>? Check(StagedPiece received, UploadSession part)
    {
        if (received.Size != part.ExpectedSize)
            return RegistryResult<ReceivedPart>.Failure(RegistryError.SizeMismatch,
                $"Part {part.PartNumber} must have {part.ExpectedSize} bytes, but {(received.Size > part.ExpectedSize ? "more" : $"{received.Size}")} arrived; send the part again.");
        if (part.ExpectedSha256 is { } expected && received.Digest?.Hex != expected)
            return RegistryResult<ReceivedPart>.Failure(RegistryError.DigestMismatch,
                $"Part {part.PartNumber} has sha256 {received.Digest?.Hex}, but {expected} was announced; send the part again.");
        return null;
    }
}
