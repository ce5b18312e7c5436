using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SRegistry.Core;
using SRegistry.Core.Names;
using SRegistry.Core.Sif;
using SRegistry.Core.Quotas;
using SRegistry.Core.Uploads;
using SRegistry.Server.Uploads;

namespace SRegistry.Server.Web;

/// <summary>
/// <c>POST /upload/image?entity=&amp;collection=&amp;container=&amp;tag=</c>: the upload page's script sends
/// the file as the raw request body, with the page's antiforgery token in a header. The body streams to
/// a spool file while it is hashed, then takes the sregistry-cli door's path into the store. Answers
/// JSON: <c>{url, digest}</c> on success, <c>{error}</c> with a status code otherwise.
/// </summary>
public static class BrowserUploadEndpoint
{
    public const string Path = "/upload/image";

    /// <summary>The header the script puts the page's antiforgery token in (the framework's default name).</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static IEndpointRouteBuilder MapBrowserUpload(this IEndpointRouteBuilder endpoints)
    {
        // Images are often gigabytes and stream to disk, so the server's default body limit does not apply.
        endpoints.MapPost(Path, ReceiveAsync).WithMetadata(new DisableRequestSizeLimitAttribute()).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext context, IAntiforgery antiforgery, WebCallers callers, PushTargets targets, SpooledPush push, QuotaService quotas, IOptions<UploadOptions> options,
        string? entity, string? collection, string? container, string? tag)
    {
        var cancel = context.RequestAborted;
        if (!await antiforgery.IsRequestValidAsync(context))
            return Refuse(StatusCodes.Status400BadRequest, "The upload form has expired or did not come from this site; reload the page and try again.");
        var caller = await callers.ForAsync(context);
        if (caller.IsAnonymous)
            return Refuse(StatusCodes.Status401Unauthorized, "Sign in to upload images.");
        if (!NameValidation.TryValidatePart(entity, "entity name", out var error)
            || !NameValidation.TryValidatePart(collection, "collection name", out error)
            || !NameValidation.TryValidatePart(container, "container name", out error)
            || !NameValidation.TryValidateTag(tag, out error))
            return Refuse(StatusCodes.Status400BadRequest, error);
        var requested = context.Request.ContentLength ?? 0;
        if (await quotas.ExceededAsync(entity!, collection!, caller, requested, cancel) is { } exceeded)
            return Refuse(StatusCodes.Status413PayloadTooLarge, exceeded.Refusal(requested));

        UploadSpool spool;
        try
        {
            spool = await UploadSpool.ReceiveAsync(context.Request.Body, options.Value.Directory, cancel);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, "The file is larger than this server accepts; nothing was stored.");
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException)
        {
            return Refuse(StatusCodes.Status400BadRequest, $"The upload broke off ({e.Message}); nothing was stored. Try again.");
        }

        await using (spool)
        {
            if (spool.Size == 0)
                return Refuse(StatusCodes.Status400BadRequest, "The file is empty; choose a SIF image to upload.");
            if (await NotSifAsync(spool, cancel) is { } notSif)
                return Refuse(StatusCodes.Status422UnprocessableEntity, notSif);

            var target = await targets.FindOrCreateAsync(entity, collection, container, caller, cancel);
            if (!target.Succeeded) return Refuse(StatusFor(target.Error), target.Message);
            var pushed = await push.PublishAsync(target.Value, spool, tag, caller, cancel);
            return pushed.Succeeded
                ? Results.Json(new { url = $"/images/{pushed.Value.Id}", digest = spool.Digest.ToString() })
                : Refuse(StatusFor(pushed.Error), pushed.Message);
        }
    }

    // The store checks the SIF again; checking the spool first refuses a wrong file before any
    // collection or container is created for it, so a refused upload leaves nothing at all.
    private static async Task<string?> NotSifAsync(UploadSpool spool, CancellationToken cancel)
    {
        await using var content = spool.OpenRead();
        try
        {
            await SifReader.ReadAsync(content, cancel);
            return null;
        }
        catch (SifFormatException e)
        {
            return $"The file is not a SIF image ({e.Message.TrimEnd('.')}). Upload an image made with apptainer build or singularity build.";
        }
    }

    private static IResult Refuse(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    private static int StatusFor(RegistryError error) => error switch
    {
        RegistryError.NotFound => StatusCodes.Status404NotFound,
        RegistryError.QuotaExceeded => StatusCodes.Status413PayloadTooLarge,
        RegistryError.Forbidden or RegistryError.Frozen => StatusCodes.Status403Forbidden,
        RegistryError.AlreadyExists or RegistryError.Conflict => StatusCodes.Status409Conflict,
        RegistryError.DigestMismatch or RegistryError.SizeMismatch or RegistryError.InvalidContent => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };
}
