using SRegistry.Core;
using SRegistry.Core.Catalog;
using SRegistry.Core.Paging;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary>
/// How the REST API answers: the resource as JSON on success, and RFC 9457 problem details on every
/// refusal, with a stable machine-readable <c>code</c> next to a <c>detail</c> that says what to fix.
/// </summary>
public static class ApiResults
{
    /// <summary>A problem-details response.</summary>
    public static IResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>The value mapped by <paramref name="view"/>, or the refusal as a problem.</summary>
    public static IResult From<T>(RegistryResult<T> result, Caller caller, Func<T, object> view, int status = StatusCodes.Status200OK)
        where T : class =>
        result.Succeeded ? Results.Json(view(result.Value), statusCode: status) : Failure(result.Error, result.Message, caller);

    /// <summary>204 on success, or the refusal as a problem.</summary>
    public static IResult NoContent<T>(RegistryResult<T> result, Caller caller)
        where T : class =>
        result.Succeeded ? TypedResults.NoContent() : Failure(result.Error, result.Message, caller);

    /// <summary>A page of items with a <c>Link: rel="next"</c> header when another page follows.</summary>
    public static IResult Page<T, TView>(HttpContext context, Page<T> page, Func<T, TView> view)
    {
        if (page.HasNext)
        {
            var query = context.Request.Query.Where(q => q.Key is not ("page" or "perPage"))
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
                .Append($"page={page.Request.Number + 1}").Append($"perPage={page.Request.Size}");
            context.Response.Headers.Link = $"<{context.Request.Path}?{string.Join('&', query)}>; rel=\"next\"";
        }

        return TypedResults.Ok(new ApiPage<TView>([.. page.Items.Select(view)], page.Request.Number, page.Request.Size, page.Total));
    }

    /// <summary>A refusal: its status and code. 404 also stands for "exists, but not for you"; refusals to anonymous callers are 401.</summary>
    public static IResult Failure(RegistryError error, string message, Caller caller) => error switch
    {
        RegistryError.NotFound => Problem(StatusCodes.Status404NotFound, "not_found", message),
        RegistryError.QuotaExceeded => Problem(StatusCodes.Status413PayloadTooLarge, "quota_exceeded", message),
        RegistryError.Forbidden when caller.IsAnonymous => Problem(StatusCodes.Status401Unauthorized, "unauthenticated", message + " Sign in: send 'Authorization: Bearer <API token>'."),
        RegistryError.Forbidden => Problem(StatusCodes.Status403Forbidden, "forbidden", message),
        RegistryError.Frozen => Problem(StatusCodes.Status409Conflict, "frozen", message),
        RegistryError.AlreadyExists => Problem(StatusCodes.Status409Conflict, "already_exists", message),
        RegistryError.Conflict => Problem(StatusCodes.Status409Conflict, "conflict", message),
        RegistryError.DigestMismatch or RegistryError.SizeMismatch or RegistryError.InvalidContent => Problem(StatusCodes.Status422UnprocessableEntity, "invalid_content", message),
        _ => Problem(StatusCodes.Status400BadRequest, "invalid_request", message),
    };

    /// <summary>400 for a request that cannot be understood.</summary>
    public static IResult Invalid(string message) => Problem(StatusCodes.Status400BadRequest, "invalid_request", message);

    /// <summary>401 for an endpoint that is only for signed-in callers.</summary>
    public static IResult Unauthenticated() =>
        Problem(StatusCodes.Status401Unauthorized, "unauthenticated", "This needs a signed-in user: send 'Authorization: Bearer <API token>'.");
}
