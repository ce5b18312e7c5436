using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SRegistry.Core;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;
using SRegistry.Core.Quotas;
using SRegistry.Server.Uploads;
using SRegistry.Server.Privacy;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// <c>sregistry push</c>: <c>POST /api/upload/chunked_upload</c> (signed <c>push</c>) answers the collection
/// id, then <c>POST /upload</c> (signed <c>upload</c>) carries the file. Failures are real HTTP errors
/// (the original answered 200), and a refused or broken upload stores nothing.
/// </summary>
public static class PushEndpoints
{
    public static IEndpointRouteBuilder MapSRegistryCliPush(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/upload/chunked_upload", async (HttpContext context, HmacAuthenticator hmac, PushTargets targets) =>
        {
            PushRequest? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<PushRequest>(context.Request.Body, SRegistryCliResults.Json, context.RequestAborted);
            }
            catch (JsonException e)
            {
                return SRegistryCliResults.Message(StatusCodes.Status400BadRequest, $"The body is not the JSON object {{\"collection\", \"name\", \"tag\"}}: {e.Message}");
            }

            if (Invalid(body?.Collection, body?.Name, body?.Tag) is { } invalid) return invalid;
            var auth = await hmac.AuthenticateAsync(context.Request.Headers.Authorization, "push", body!.Collection!, body.Name!, body.Tag!, context.RequestAborted);
            if (Refusal(auth) is { } refused) return refused;
            var container = await targets.FindOrCreateAsync(Entity.DefaultName, body.Collection!, body.Name!, auth.Caller, context.RequestAborted);
            return container.Succeeded
                ? SRegistryCliResults.Ok(new { cid = container.Value.CollectionId })
                : SRegistryCliResults.Failure(container.Error, container.Message);
        });

        endpoints.MapPost("/upload", ReceiveAsync).WithMetadata(new DisableRequestSizeLimitAttribute()).PublicInPrivateMode();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext context, HmacAuthenticator hmac, PushTargets targets, RegistryDbContext db,
        SpooledPush push, QuotaService quotas, IOptions<SRegistryCliOptions> options)
    {
        var cancel = context.RequestAborted;
        UploadForm? form;
        try
        {
            (form, var error) = await UploadForm.ReadAsync(context.Request, cancel);
            if (error is not null) return SRegistryCliResults.Message(StatusCodes.Status400BadRequest, error);
        }
        catch (IOException e)
        {
            return BrokeOff(e);
        }

        var fields = form!.Fields;
        if (form.File is null) return SRegistryCliResults.Message(StatusCodes.Status400BadRequest, "The form has no 'file1' part.");
        var name = fields.GetValueOrDefault("name");
        var tag = fields.GetValueOrDefault("tag");
        if (!long.TryParse(fields.GetValueOrDefault("collection"), out var cid))
            return SRegistryCliResults.Message(StatusCodes.Status400BadRequest, "'collection' must be the id the push request answered.");

        // Unsigned uploads are refused before the id is looked up, and an unknown id gets the same answer
        // as a bad signature, so the id tells nothing to someone who cannot push (this endpoint is public
        // in private mode: the signature may come in the form, which only the endpoint reads).
        var header = context.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : fields.GetValueOrDefault("SREGISTRY_EVENT");
        if (!HmacCredential.TryParse(header, out _)) return Refusal(await hmac.AuthenticateAsync(header, "upload", "", "", "", cancel))!;
        if (Invalid(Entity.DefaultName, name, tag) is { } invalid) return invalid;

        // The client signs the collection's name but sends its id; only default-entity collections are its.
        var collection = await db.Collections.AsNoTracking()
            .Where(c => c.Id == cid && c.Entity.Name == Entity.DefaultName).Select(c => c.Name).SingleOrDefaultAsync(cancel);
        if (collection is null) return SRegistryCliResults.Message(StatusCodes.Status403Forbidden, HmacAuthenticator.SignatureRefusal);
        var auth = await hmac.AuthenticateAsync(header, "upload", collection!, name!, tag!, cancel);
        if (Refusal(auth) is { } refused) return refused;

        // Before the file is spooled: the request's length stands for the file's.
        var requested = context.Request.ContentLength ?? 0;
        if (await quotas.ExceededAsync(Entity.DefaultName, collection!, auth.Caller, requested, cancel) is { } exceeded)
            return SRegistryCliResults.Failure(RegistryError.QuotaExceeded, exceeded.Refusal(requested));

        UploadSpool spool;
        try
        {
            spool = await UploadSpool.ReceiveAsync(form.File.Body, options.Value.SpoolDirectory, cancel);
        }
        catch (IOException e)
        {
            return BrokeOff(e);
        }

        await using (spool)
        {
            var container = await targets.FindOrCreateAsync(Entity.DefaultName, collection!, name!, auth.Caller, cancel);
            if (!container.Succeeded) return SRegistryCliResults.Failure(container.Error, container.Message);
            var pushed = await push.PublishAsync(container.Value, spool, tag!, auth.Caller, cancel);
            return pushed.Succeeded
                ? SRegistryCliResults.Ok(new { message = $"Upload complete: {collection}/{name}:{tag} is sha256.{spool.Digest.Hex}." })
                : SRegistryCliResults.Failure(pushed.Error, pushed.Message);
        }
    }

    private static IResult? Invalid(string? collection, string? name, string? tag)
    {
        if (!NameValidation.TryValidatePart(collection, "collection name", out var error)
            || !NameValidation.TryValidatePart(name, "container name", out error)
            || !NameValidation.TryValidateTag(tag, out error))
            return SRegistryCliResults.Message(StatusCodes.Status400BadRequest, error);
        return null;
    }

    private static IResult? Refusal(HmacOutcome auth) =>
        auth.Refusal is { } message ? SRegistryCliResults.Message(StatusCodes.Status403Forbidden, message)
        : auth.Caller.IsAnonymous ? SRegistryCliResults.Message(StatusCodes.Status403Forbidden, "Pushing needs a signed request: set your token in ~/.sregistry.")
        : null;

    private static IResult BrokeOff(IOException e) =>
        SRegistryCliResults.Message(StatusCodes.Status400BadRequest, $"The upload broke off ({e.Message}); nothing was stored. Push again.");
}
