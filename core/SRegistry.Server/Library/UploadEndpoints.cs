using Microsoft.AspNetCore.Mvc;
using SRegistry.Core;
using SRegistry.Core.Catalog;
using SRegistry.Core.Uploads;
using SRegistry.Server.Privacy;

namespace SRegistry.Server.Library;

/// <summary>
/// Image uploads: v2 single-part through a capability URL, v2 multipart, and the legacy v1 raw body.
/// The capability URLs carry no credentials (the client sends none): they are unguessable,
/// expiring and single-use, and the bytes are verified against the image's hash before publishing.
/// Every response the client reads must be exactly 200 (it refuses 201/204 here).
/// </summary>
public static class UploadEndpoints
{
    private const string UploadPath = "/v2/uploads/";
    private const string PartPath = "/v2/uploads/parts/";

    public static RouteGroupBuilder MapLibraryUploads(this RouteGroupBuilder library)
    {
        library.MapPost("/v2/imagefile/{id}", async (HttpContext context, string id, ImageUploadService uploads) =>
        {
            var caller = context.Caller();
            if (LibraryRequest.Id(id) is not { } imageId) return NoSuchImage(id);
            var (body, error) = await LibraryRequest.ReadJsonAsync<UploadRequestBody>(context.Request);
            if (error is not null) return error;
            if (body!.Filesize is not > 0) return LibraryResults.Error(StatusCodes.Status400BadRequest, "'filesize' must be the image's size in bytes.");
            var ticket = await uploads.BeginSinglePartAsync(imageId, body.Filesize.Value, NullIfEmpty(body.Sha256sum), caller, context.RequestAborted);
            if (!ticket.Succeeded) return LibraryResults.Failure(ticket.Error, ticket.Message, caller);
            if (ticket.Value.AlreadyUploaded) return AlreadyUploaded(imageId);
            return LibraryResults.Data(new { uploadURL = ticket.Value.DirectUrl?.AbsoluteUri ?? context.Request.BaseUrl() + UploadPath + ticket.Value.Secret });
        });

        library.MapPut(UploadPath + "{secret}", async (HttpContext context, string secret, ImageUploadService uploads) =>
        {
            var received = await uploads.ReceiveAsync(secret, context.Request.Body, context.Request.ContentLength, context.RequestAborted);
            return received.Succeeded ? Results.Ok() : LibraryResults.Failure(received.Error, received.Message, Caller.Anonymous);
        }).WithMetadata(new DisableRequestSizeLimitAttribute()).PublicInPrivateMode(); // The secret in the URL is the credential: clients send no token.

        library.MapPut("/v2/imagefile/{id}/_complete", async (HttpContext context, string id, ImageUploadService uploads) =>
        {
            var caller = context.Caller();
            if (LibraryRequest.Id(id) is not { } imageId) return NoSuchImage(id);
            return LibraryResults.From(await uploads.CompleteAsync(imageId, caller, context.RequestAborted), caller, done => Completion(done.Quota));
        });

        // The legacy path (servers older than API 2.0.0-alpha.1): the raw bytes, authenticated.
        library.MapPost("/v1/imagefile/{id}", async (HttpContext context, string id, ImageUploadService uploads) =>
        {
            var caller = context.Caller();
            if (LibraryRequest.Id(id) is not { } imageId) return NoSuchImage(id);
            var received = await uploads.ReceiveDirectAsync(imageId, context.Request.Body, context.Request.ContentLength, caller, context.RequestAborted);
            return received.Succeeded ? Results.Ok() : LibraryResults.Failure(received.Error, received.Message, caller);
        }).WithMetadata(new DisableRequestSizeLimitAttribute());

        return library.MapLibraryMultipartUploads();
    }

    private static RouteGroupBuilder MapLibraryMultipartUploads(this RouteGroupBuilder library)
    {
        library.MapPost("/v2/imagefile/{id}/_multipart", async (HttpContext context, string id, ImageUploadService uploads) =>
        {
            var caller = context.Caller();
            if (LibraryRequest.Id(id) is not { } imageId) return NoSuchImage(id);
            var (body, error) = await LibraryRequest.ReadJsonAsync<MultipartRequestBody>(context.Request);
            if (error is not null) return error;
            if (body!.Filesize is not > 0) return LibraryResults.Error(StatusCodes.Status400BadRequest, "'filesize' must be the image's size in bytes.");
            var ticket = await uploads.BeginMultipartAsync(imageId, body.Filesize.Value, caller, context.RequestAborted);
            if (!ticket.Succeeded) return LibraryResults.Failure(ticket.Error, ticket.Message, caller);
            if (ticket.Value.AlreadyUploaded) return AlreadyUploaded(imageId);

            // s3compliant "false": the part URLs are ours, not S3's, so the client does not read and hash each part
            // before sending it (on a 1 GiB push that was 45% of the time). The whole image is still checked
            // against its sha256 before it is published.
            return LibraryResults.Data(new
            {
                uploadID = ticket.Value.UploadId.ToString(),
                totalParts = ticket.Value.TotalParts,
                partSize = ticket.Value.PartSize,
                options = new { s3compliant = "false" },
            });
        });

        library.MapPut("/v2/imagefile/{id}/_multipart", async (HttpContext context, string id, ImageUploadService uploads) =>
        {
            var caller = context.Caller();
            if (LibraryRequest.Id(id) is not { } imageId) return NoSuchImage(id);
            var (body, error) = await LibraryRequest.ReadJsonAsync<MultipartPartBody>(context.Request);
            if (error is not null) return error;
            if (!Guid.TryParse(body!.UploadID, out var uploadId)) return NoSuchUpload(body.UploadID);
            if (body.PartNumber is not > 0 || body.PartSize is not > 0)
            {
                return LibraryResults.Error(StatusCodes.Status400BadRequest, "'partNumber' (from 1) and 'partSize' (bytes) are required.");
            }

            var ticket = await uploads.BeginPartAsync(imageId, uploadId, body.PartNumber.Value, body.PartSize.Value, NullIfEmpty(body.Sha256sum), caller, context.RequestAborted);
            return LibraryResults.From(ticket, caller, t => new { presignedURL = context.Request.BaseUrl() + PartPath + t.Secret });
        });

        library.MapPut(PartPath + "{secret}", async (HttpContext context, string secret, ImageUploadService uploads) =>
        {
            var received = await uploads.ReceivePartAsync(secret, context.Request.Body, context.RequestAborted);
            if (!received.Succeeded) return LibraryResults.Failure(received.Error, received.Message, Caller.Anonymous);
            context.Response.Headers.ETag = $"\"{received.Value.Token}\"";
            return Results.Ok();
        }).WithMetadata(new DisableRequestSizeLimitAttribute()).PublicInPrivateMode(); // As the single upload URL above.

        // The client parses this answer as JSON: an empty body would fail the push.
        library.MapPut("/v2/imagefile/{id}/_multipart_complete", async (HttpContext context, string id, ImageUploadService uploads) =>
        {
            var caller = context.Caller();
            if (LibraryRequest.Id(id) is not { } imageId) return NoSuchImage(id);
            var (body, error) = await LibraryRequest.ReadJsonAsync<MultipartCompleteBody>(context.Request);
            if (error is not null) return error;
            if (!Guid.TryParse(body!.UploadID, out var uploadId)) return NoSuchUpload(body.UploadID);
            var parts = (body.CompletedParts ?? []).Select(p => new CompletedPart(p.PartNumber, p.Token ?? "")).ToList();
            var completed = await uploads.CompleteMultipartAsync(imageId, uploadId, parts, caller, context.RequestAborted);
            if (!completed.Succeeded) return LibraryResults.Failure(completed.Error, completed.Message, caller);
            return LibraryResults.From(await uploads.CompleteAsync(imageId, caller, context.RequestAborted), caller, done => Completion(done.Quota));
        });

        library.MapPut("/v2/imagefile/{id}/_multipart_abort", async (HttpContext context, string id, ImageUploadService uploads) =>
        {
            var caller = context.Caller();
            if (LibraryRequest.Id(id) is not { } imageId) return NoSuchImage(id);
            var (body, error) = await LibraryRequest.ReadJsonAsync<MultipartCompleteBody>(context.Request);
            if (error is not null) return error;
            if (!Guid.TryParse(body!.UploadID, out var uploadId)) return NoSuchUpload(body.UploadID);
            return LibraryResults.From(await uploads.AbortMultipartAsync(imageId, uploadId, caller, context.RequestAborted), caller, _ => null);
        });
        return library;
    }

    // quotaTotal 0 means no limit, as the client shows it.
    private static object Completion(QuotaUsage quota) =>
        new { quota = new { quotaTotal = quota.QuotaBytes ?? 0, quotaUsage = quota.UsedBytes }, containerUrl = "" };

    private static IResult AlreadyUploaded(long imageId) =>
        LibraryResults.Error(StatusCodes.Status409Conflict, $"Image {imageId} is already uploaded; there is nothing to send.");

    private static IResult NoSuchImage(string id) => LibraryResults.Error(StatusCodes.Status404NotFound, $"There is no image with id '{id}'.");

    private static IResult NoSuchUpload(string? id) => LibraryResults.Error(StatusCodes.Status404NotFound, $"There is no open upload with id '{id}'.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
