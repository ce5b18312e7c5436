using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Images;
using SRegistry.Core.Persistence;
using SRegistry.Core.Quotas;
using SRegistry.Core.Storage;

namespace SRegistry.Core.Uploads;

/// <summary>
/// Receives image bytes for the library API: single-part uploads through capability URLs (v2),
/// multipart uploads, and direct uploads (v1). Bytes stream into the <see cref="ImageStore"/> against
/// the image's digest; an image is marked uploaded, with its SIF metadata, only when they match.
/// Upload state lives in the database, so any server instance may receive any request of an upload.
/// </summary>
public sealed class ImageUploadService
{
    private readonly UploadAccess _access;
    private readonly EntityCatalog _entities;
    private readonly QuotaService _quotas;
    private readonly SinglePartUploads _singlePart;
    private readonly MultipartUploads _multipart;
    private readonly MultipartCompletion _completion;
    private readonly UploadPruner _pruner;

    /// <summary>Creates the service; the parts it is made of share the request's context and options.</summary>
    public ImageUploadService(
        RegistryDbContext db,
        ImageStore store,
        ImageCatalog images,
        EntityCatalog entities,
        QuotaService quotas,
        SifMetadataRecorder sif,
        AuditLog audit,
        IOptions<UploadOptions> options,
        TimeProvider time,
        DirectTransfers direct,
        IUploadStaging staging)
    {
        _access = new UploadAccess(images, db);
        _entities = entities;
        _quotas = quotas;
        var urls = new UploadUrls(db, time);
        var finisher = new UploadFinisher(db, store, sif, audit, time);
        _singlePart = new SinglePartUploads(db, _access, urls, finisher, direct, quotas, options, time);
        _multipart = new MultipartUploads(db, _access, urls, staging, quotas, options, time);
        _completion = new MultipartCompletion(db, _access, staging, finisher, options, time);
        _pruner = new UploadPruner(db, staging, time);
    }

    /// <summary>
    /// Hands out a capability URL secret for sending the whole image once (<c>POST v2/imagefile/{id}</c>).
    /// Succeeds with <see cref="UploadTicket.AlreadyUploaded"/> when the bytes are already here.
    /// </summary>
    /// <param name="imageId">The image.</param>
    /// <param name="declaredSize">The file size the client announces (<c>filesize</c>); the bytes must match it.</param>
    /// <param name="declaredSha256Hex">The client's <c>sha256sum</c>, if sent; must equal the image's hash.</param>
    /// <param name="caller">Who asks; must be allowed to push to the image's collection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The ticket; or NotFound (image invisible), Forbidden (no push right), Frozen, InvalidDigest (malformed
    /// sha256), Conflict (sha256 differs from the image's), SizeMismatch (size not positive).
    /// </returns>
    public Task<RegistryResult<UploadTicket>> BeginSinglePartAsync(
        long imageId, long declaredSize, string? declaredSha256Hex, Caller caller, CancellationToken cancellationToken = default) =>
        _singlePart.BeginAsync(imageId, declaredSize, declaredSha256Hex, caller, cancellationToken);

    /// <summary>
    /// Receives the bytes sent to a capability URL (<c>PUT</c>, no other credentials). The URL is claimed
    /// before the body is read, so it works once. On success the image is uploaded with its SIF metadata.
    /// </summary>
    /// <param name="secret">The secret from the URL.</param>
    /// <param name="body">The request body, read to its end and never buffered whole.</param>
    /// <param name="contentLength">The request's Content-Length, if known; checked against the announced size before anything is read.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The uploaded image; or NotFound (unknown, expired or used URL), DigestMismatch, SizeMismatch (also
    /// when the body broke off), InvalidContent (not a SIF image), Conflict (SIF built for another
    /// architecture). After a refusal the image is not uploaded.
    /// </returns>
    public Task<RegistryResult<Image>> ReceiveAsync(string secret, Stream body, long? contentLength, CancellationToken cancellationToken = default) =>
        _singlePart.ReceiveAsync(secret, body, contentLength, cancellationToken);

    /// <summary>
    /// Receives the whole image in an authenticated request (legacy <c>POST v1/imagefile/{id}</c>).
    /// An image that is already uploaded is returned as it is, without reading the body.
    /// </summary>
    /// <returns>As <see cref="ReceiveAsync"/>, plus NotFound, Forbidden and Frozen as in <see cref="BeginSinglePartAsync"/>.</returns>
    /// <param name="contentLength">The body's announced length, checked against the quota before any byte is read; null when unknown.</param>
    public Task<RegistryResult<Image>> ReceiveDirectAsync(long imageId, Stream body, long? contentLength, Caller caller, CancellationToken cancellationToken = default) =>
        _singlePart.ReceiveDirectAsync(imageId, body, contentLength, caller, cancellationToken);

    /// <summary>
    /// Like <see cref="ReceiveDirectAsync"/>, for the whole image already in a file of the server's own (a
    /// spooled push), of <paramref name="size"/> bytes with sha256 <paramref name="digest"/> as computed while
    /// the server wrote it. A filesystem store takes the file itself instead of writing its bytes again, so
    /// it may be gone afterwards; the caller deletes it if it is still there.
    /// </summary>
    public Task<RegistryResult<Image>> ReceiveFileAsync(long imageId, string path, long size, BlobDigest digest, Caller caller, CancellationToken cancellationToken = default) =>
        _singlePart.ReceiveFileAsync(imageId, path, size, digest, caller, cancellationToken);

    /// <summary>
    /// Starts a multipart upload of <paramref name="fileSize"/> bytes (<c>POST v2/imagefile/{id}/_multipart</c>).
    /// The door answers <c>s3compliant: "false"</c>, so that clients do not hash each part before sending it.
    /// </summary>
    /// <returns>The upload's id and layout, or <see cref="MultipartUploadTicket.AlreadyUploaded"/>; refusals as in <see cref="BeginSinglePartAsync"/>.</returns>
    public Task<RegistryResult<MultipartUploadTicket>> BeginMultipartAsync(long imageId, long fileSize, Caller caller, CancellationToken cancellationToken = default) =>
        _multipart.BeginAsync(imageId, fileSize, caller, cancellationToken);

    /// <summary>
    /// Hands out a capability URL secret for one part (<c>PUT v2/imagefile/{id}/_multipart</c>). Asking
    /// again for the same part replaces the earlier URL and any bytes it received.
    /// </summary>
    /// <param name="imageId">The image.</param>
    /// <param name="uploadId">The upload from <see cref="BeginMultipartAsync"/>.</param>
    /// <param name="partNumber">The part, from 1 to the upload's total.</param>
    /// <param name="partSize">The part's size, which must be the one the layout gives it.</param>
    /// <param name="partSha256Hex">The part's sha256, if the client sent one; the bytes must match it.</param>
    /// <param name="caller">Who asks; must be allowed to push to the image's collection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ticket; or NotFound (no such open upload), Conflict (no such part), SizeMismatch, InvalidDigest, and the refusals of <see cref="BeginSinglePartAsync"/>.</returns>
    public Task<RegistryResult<UploadTicket>> BeginPartAsync(
        long imageId, Guid uploadId, int partNumber, long partSize, string? partSha256Hex, Caller caller, CancellationToken cancellationToken = default) =>
        _multipart.BeginPartAsync(imageId, uploadId, partNumber, partSize, partSha256Hex, caller, cancellationToken);

    /// <summary>Receives one part at its capability URL; the part is kept only when its size (and sha256, if announced) match.</summary>
    /// <returns>The part's token for the <c>ETag</c> header; or NotFound, SizeMismatch, DigestMismatch.</returns>
    public Task<RegistryResult<ReceivedPart>> ReceivePartAsync(string secret, Stream body, CancellationToken cancellationToken = default) =>
        _multipart.ReceivePartAsync(secret, body, cancellationToken);

    /// <summary>
    /// Assembles the parts, in order and streamed, into the image (<c>PUT …/_multipart_complete</c>). Every
    /// part must have arrived and be listed with its token. Afterwards, success or not, the upload and its
    /// parts are gone (an already uploaded image succeeds without reading them).
    /// </summary>
    /// <returns>The uploaded image; or NotFound (no such open upload), Conflict (parts missing, unknown or with wrong tokens; SIF for another architecture), and the refusals of <see cref="ReceiveAsync"/>.</returns>
    public Task<RegistryResult<Image>> CompleteMultipartAsync(
        long imageId, Guid uploadId, IReadOnlyList<CompletedPart> completedParts, Caller caller, CancellationToken cancellationToken = default) =>
        _completion.CompleteAsync(imageId, uploadId, completedParts, caller, cancellationToken);

    /// <summary>Drops a multipart upload and its parts (<c>PUT …/_multipart_abort</c>).</summary>
    /// <returns>The image, still not uploaded; or NotFound and the access refusals of <see cref="BeginSinglePartAsync"/>.</returns>
    public Task<RegistryResult<Image>> AbortMultipartAsync(long imageId, Guid uploadId, Caller caller, CancellationToken cancellationToken = default) =>
        _completion.AbortAsync(imageId, uploadId, caller, cancellationToken);

    /// <summary>
    /// What <c>PUT v2/imagefile/{id}/_complete</c> reports: the image, and its entity's storage use and quota.
    /// With direct transfers, this is where the bytes the client sent to the store are verified and published.
    /// </summary>
    /// <returns>The result; or Conflict when the image's bytes have not arrived, and the access refusals of <see cref="BeginSinglePartAsync"/>.</returns>
    public async Task<RegistryResult<CompletedUpload>> CompleteAsync(long imageId, Caller caller, CancellationToken cancellationToken = default)
    {
        var found = await _access.FindPushableAsync(imageId, caller, cancellationToken);
        if (!found.Succeeded)
            return RegistryResult<CompletedUpload>.Failure(found.Error, found.Message);
        var image = found.Value;
        if (!image.Uploaded && await _singlePart.CompleteDirectAsync(imageId, caller, cancellationToken) is { } completed)
        {
            if (!completed.Succeeded)
                return RegistryResult<CompletedUpload>.Failure(completed.Error, completed.Message);
            image = completed.Value;
        }
        if (!image.Uploaded)
            return RegistryResult<CompletedUpload>.Failure(RegistryError.Conflict,
                $"The bytes of image {imageId} have not arrived (or were refused); upload them before completing.");
        // The account the collection is charged to; an entity's own figures where nobody is charged.
        if ((await _quotas.ForContainerAsync(image.ContainerId, cancellationToken)).FirstOrDefault() is { } account)
            return RegistryResult<CompletedUpload>.Success(new CompletedUpload(image, new QuotaUsage(account.UsedBytes, account.LimitBytes)));
        var usage = await _entities.GetUsageAsync(image.Container.Collection.EntityId, cancellationToken);
        return usage.Succeeded
            ? RegistryResult<CompletedUpload>.Success(new CompletedUpload(image, usage.Value))
            : RegistryResult<CompletedUpload>.Failure(usage.Error, usage.Message);
    }

    /// <summary>
    /// Removes expired upload URLs and multipart uploads, and staged bytes (of either door) whose upload no
    /// longer exists. Safe to run at any time on any instance; a background job calls it.
    /// </summary>
    public Task<PrunedUploads> PruneExpiredAsync(CancellationToken cancellationToken = default) =>
        _pruner.PruneAsync(cancellationToken);
}
